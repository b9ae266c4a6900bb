package com.aicontent.ai.control;

import com.aicontent.ai.control.ChatCompletionRequest.Message;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each model accepts of the optional request parameters, learnt from the 400s it answers.
 * Servers differ: OpenAI's reasoning models reject {@code max_tokens} (they want
 * {@code max_completion_tokens}) and any {@code temperature}; some local servers reject
 * {@code response_format} or {@code stream_options}. The first rejection of a parameter is
 * answered by asking again without it, and the model is never sent it again.
 */
final class ModelDialect {

    /** One thing learnt about a model. */
    enum Adaptation {
        NO_RESPONSE_FORMAT("response_format"),
        MAX_COMPLETION_TOKENS("max_tokens (sending max_completion_tokens instead)"),
        NO_TOKEN_LIMIT("an output token limit"),
        NO_TEMPERATURE("temperature"),
        NO_STREAM_OPTIONS("stream_options"),
        NO_STREAM("stream");

        private final String words;

        Adaptation(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    private final Map<String, Set<Adaptation>> learnt = new ConcurrentHashMap<>();

    /**
     * The request for {@code model} with what it accepts.
     *
     * @param schema null for prose
     * @param budget output tokens to allow, 0 for the server's default
     */
    ChatCompletionRequest request(String model, String step, List<Message> messages, Map<String, Object> schema,
                                  int budget, Optional<Double> temperature, boolean stream) {
        Set<Adaptation> known = of(model);
        boolean limited = budget > 0 && !known.contains(Adaptation.NO_TOKEN_LIMIT);
        boolean completionTokens = known.contains(Adaptation.MAX_COMPLETION_TOKENS);
        boolean streamed = stream && !known.contains(Adaptation.NO_STREAM);
        return new ChatCompletionRequest(model, messages,
                schema != null && !known.contains(Adaptation.NO_RESPONSE_FORMAT) ? ChatCompletionRequest.jsonSchema(step, schema) : null,
                limited && !completionTokens ? budget : null,
                limited && completionTokens ? budget : null,
                known.contains(Adaptation.NO_TEMPERATURE) ? null : temperature.orElse(null),
                streamed ? Boolean.TRUE : null,
                streamed && !known.contains(Adaptation.NO_STREAM_OPTIONS) ? Map.of("include_usage", true) : null);
    }

    /**
     * Learns from a 400 what {@code model} does not take, when the rejection names a parameter
     * {@code sent} carried.
     *
     * @return what was learnt, empty when the rejection is about something else (then it stands)
     */
    Optional<Adaptation> learn(String model, ChatCompletionRequest sent, RejectedCallException rejected) {
        Optional<Adaptation> adaptation = adaptationFor(sent, rejected);
        adaptation.ifPresent(found -> learnt.computeIfAbsent(model, any -> ConcurrentHashMap.newKeySet()).add(found));
        return adaptation;
    }

    Set<Adaptation> of(String model) {
        return Set.copyOf(learnt.getOrDefault(model, Set.of()));
    }

    private static Optional<Adaptation> adaptationFor(ChatCompletionRequest sent, RejectedCallException rejected) {
        if (rejected.status() != 400) {
            return Optional.empty();
        }
        if (sent.responseFormat() != null && (rejected.rejects("response_format") || rejected.rejects("json_schema")
                || rejected.rejects("response format"))) {
            return Optional.of(Adaptation.NO_RESPONSE_FORMAT);
        }
        boolean budget = sent.maxTokens() != null || sent.maxCompletionTokens() != null;
        if (budget && rejected.saysContextIsTooSmall()) {
            // vLLM refuses a budget that does not fit the context left after the prompt
            return Optional.of(Adaptation.NO_TOKEN_LIMIT);
        }
        if (sent.maxTokens() != null && rejected.rejects("max_tokens")) {
            return Optional.of(rejected.unsupported() ? Adaptation.MAX_COMPLETION_TOKENS : Adaptation.NO_TOKEN_LIMIT);
        }
        if (sent.maxCompletionTokens() != null && rejected.rejects("max_completion_tokens")) {
            return Optional.of(Adaptation.NO_TOKEN_LIMIT);
        }
        if (sent.temperature() != null && rejected.rejects("temperature")) {
            return Optional.of(Adaptation.NO_TEMPERATURE);
        }
        if (sent.streamOptions() != null && rejected.rejects("stream_options")) {
            return Optional.of(Adaptation.NO_STREAM_OPTIONS);
        }
        if (sent.stream() != null && rejected.rejects("stream")) {
            return Optional.of(Adaptation.NO_STREAM);
        }
        return Optional.empty();
    }
}
