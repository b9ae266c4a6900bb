package com.aicontent.ai.control;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /chat/completions} as the OpenAI wire format has it. Only what every
 * compatible server understands: no temperature or token limits, which some models reject.
 *
 * @param responseFormat null for prose answers
 */
public record ChatCompletionRequest(String model, List<Message> messages, Map<String, Object> responseFormat) {

    public record Message(String role, String content) {

        public static Message system(String content) {
            return new Message("system", content);
        }

        public static Message user(String content) {
            return new Message("user", content);
        }
    }

    /** {@code response_format} asking for JSON that follows {@code schema} exactly. */
    public static Map<String, Object> jsonSchema(String name, Map<String, Object> schema) {
        return Map.of("type", "json_schema",
                "json_schema", Map.of("name", name, "strict", true, "schema", schema));
    }
}
