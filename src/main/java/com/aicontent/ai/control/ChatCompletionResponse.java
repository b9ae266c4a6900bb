package com.aicontent.ai.control;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /chat/completions}, reduced to what the client reads; a streamed
 * answer is put together into the same shape ({@link ChatStream}).
 */
public record ChatCompletionResponse(List<Choice> choices, ProviderUsage usage) {

    public record Choice(Message message, String finishReason) {
    }

    /**
     * @param content a string, or (some servers) a list of parts with a {@code text} each
     * @param refusal set when the model declined a structured-output request
     */
    public record Message(String role, Object content, String refusal) {

        public String text() {
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof List<?> parts) {
                StringBuilder joined = new StringBuilder();
                for (Object part : parts) {
                    if (part instanceof Map<?, ?> map && map.get("text") != null) {
                        joined.append(map.get("text"));
                    }
                }
                return joined.toString();
            }
            return null;
        }
    }

    /** One event of a streamed answer ({@code chat.completion.chunk}). */
    public record Chunk(List<ChunkChoice> choices, ProviderUsage usage, Object error) {
    }

    public record ChunkChoice(Delta delta, String finishReason) {
    }

    public record Delta(String content, String refusal) {
    }
}
