package com.aicontent.ai.control;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /chat/completions} as the OpenAI wire format has it. Null components
 * are left out of the JSON: which of the optional ones a request carries is up to
 * {@link ModelDialect}, which learns what each model rejects.
 *
 * @param responseFormat      null for prose answers
 * @param maxTokens           the output budget as most servers name it
 * @param maxCompletionTokens the same for OpenAI's reasoning models, which reject {@code max_tokens}
 * @param streamOptions       {@code {"include_usage": true}} with a stream, so the last event counts the tokens
 */
public record ChatCompletionRequest(String model, List<Message> messages, Map<String, Object> responseFormat,
                                    Integer maxTokens, Integer maxCompletionTokens, Double temperature,
                                    Boolean stream, Map<String, Object> streamOptions) {

    public record Message(String role, String content) {

        public static Message system(String content) {
            return new Message("system", content);
        }

        public static Message user(String content) {
            return new Message("user", content);
        }

        public static Message assistant(String content) {
            return new Message("assistant", content);
        }
    }

    /** {@code response_format} asking for JSON that follows {@code schema} exactly. */
    public static Map<String, Object> jsonSchema(String name, Map<String, Object> schema) {
        return Map.of("type", "json_schema",
                "json_schema", Map.of("name", name, "strict", true, "schema", schema));
    }
}
