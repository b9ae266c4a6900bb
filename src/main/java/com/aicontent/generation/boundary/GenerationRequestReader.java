package com.aicontent.generation.boundary;

import com.aicontent.api.entity.Problem;
import com.aicontent.api.entity.ProblemException;
import com.aicontent.generation.entity.GenerationRequest;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a start request strictly, field by field, so that a value of the wrong JSON type is named
 * ({@code "sections": "four"}, {@code "title": 5}, {@code "sections": 1.5}) instead of being refused
 * as "not valid JSON", or worse, converted (JSON-B turns 1.5 into 1 and 5 into "5"). What the values
 * may be (required, ranges) is left to the request's Bean Validation constraints.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class GenerationRequestReader implements MessageBodyReader<GenerationRequest> {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == GenerationRequest.class;
    }

    @Override
    public GenerationRequest readFrom(Class<GenerationRequest> type, Type genericType, Annotation[] annotations,
                                      MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body)
            throws IOException {
        PushbackInputStream in = new PushbackInputStream(body);
        int first = in.read();
        if (first < 0) {
            return null; // no body: the resource's @NotNull says what to send
        }
        in.unread(first);
        JsonValue value;
        try (JsonReader reader = Json.createReader(in)) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw ProblemException.badRequest("The request body is not valid JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw ProblemException.badRequest("The request body must be a JSON object with title, language, sections and images");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        GenerationRequest request = new GenerationRequest(
                text(object, "title", "text of 1 to 200 characters", errors),
                text(object, "language", "fa or en", errors),
                wholeNumber(object, "sections", "a whole number from 1 to 20", errors),
                wholeNumber(object, "images", "a whole number from 0 to 20", errors));
        if (!errors.isEmpty()) {
            // the other fields' own faults in the same answer, as a request of the right types gets them
            Set<String> named = errors.stream().map(Problem.FieldError::field).collect(Collectors.toSet());
            for (ConstraintViolation<GenerationRequest> violation : VALIDATOR.validate(request)) {
                String field = violation.getPropertyPath().toString();
                if (named.add(field)) {
                    errors.add(new Problem.FieldError(field, violation.getMessage()));
                }
            }
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw new ProblemException(400, "Bad Request", "Invalid value for: "
                    + String.join(", ", errors.stream().map(Problem.FieldError::field).toList()), errors);
        }
        return request;
    }

    private static String text(JsonObject body, String field, String expected, List<Problem.FieldError> errors) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        errors.add(new Problem.FieldError(field, "must be " + expected + ", not " + kind(value)));
        return null;
    }

    private static Integer wholeNumber(JsonObject body, String field, String expected, List<Problem.FieldError> errors) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            // far outside int: any value the constraints refuse will do
            return number.bigIntegerValue().bitLength() < 32 ? number.intValue() : Integer.MAX_VALUE;
        }
        errors.add(new Problem.FieldError(field, "must be " + expected + ", not "
                + (value instanceof JsonNumber ? value.toString() : kind(value))));
        return null;
    }

    private static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }
}
