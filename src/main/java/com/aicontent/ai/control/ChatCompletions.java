package com.aicontent.ai.control;

import com.aicontent.ai.control.ChatCompletionRequest.Message;
import com.aicontent.ai.control.ModelDialect.Adaptation;
import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.language.Language;
import com.aicontent.ai.entity.ModelCallFailedException;
import com.aicontent.ai.entity.TokenUsage;
import jakarta.json.bind.Jsonb;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Chat completions as the article steps need them: whole. A request carries only what the model
 * takes ({@link ModelDialect}); an answer cut at the output limit ({@code finish_reason: length})
 * is continued (prose) or asked for again with a larger budget (JSON), and prose that is still cut
 * ends at its last full sentence, never in the middle of a word. Refusals, empty choices and empty
 * content fail with a message that says which of them it was.
 */
final class ChatCompletions {

    private static final Logger LOG = Logger.getLogger(ChatCompletions.class.getName());
    /** How often a cut text is asked to go on before it is ended at its last sentence. */
    static final int CONTINUATIONS = 2;
    private static final int BUDGET_WITHOUT_SETTING = 8192;
    private static final int LARGEST_BUDGET = 65_536;
    private static final int EXCERPT_LENGTH = 300;

    private final OpenAiSettings settings;
    private final OpenAiEndpoint endpoint;
    private final Jsonb jsonb;
    private final ModelDialect dialect = new ModelDialect();
    private final BoundedBody.Limit limit;
    private final AtomicBoolean usageMissingReported = new AtomicBoolean();

    ChatCompletions(OpenAiSettings settings, OpenAiEndpoint endpoint, Jsonb jsonb) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.jsonb = jsonb;
        this.limit = new BoundedBody.Limit(settings.maxResponseBytes(), "AI_MAX_RESPONSE_BYTES");
    }

    ModelDialect dialect() {
        return dialect;
    }

    /**
     * Prose, streamed where the server streams, continued when cut.
     *
     * @param grown hears the text so far while it arrives (the whole answer, continuations included)
     */
    Answer<String> prose(String step, Language language, List<Message> messages, Consumer<String> grown,
                         Cancellation cancellation) {
        int budget = settings.maxOutputTokens();
        Reply reply = ask(step, messages, null, budget, settings.stream(), grown, cancellation);
        TokenUsage usage = reply.usage();
        String text = reply.text();
        List<String> notes = new ArrayList<>();
        for (int round = 1; reply.cut() && round <= CONTINUATIONS; round++) {
            if (ModelProse.withoutThinking(text).isBlank()) {
                budget = larger(budget, reply);
                log(cancellation, "The %s was cut at the output limit before any text (reasoning can use it all); asking again with %d tokens."
                        .formatted(step, budget));
                reply = ask(step, messages, null, budget, settings.stream(), grown, cancellation);
                text = reply.text();
            } else {
                log(cancellation, "The %s was cut at the output limit (finish_reason: length); asking the model to continue (%d of %d)."
                        .formatted(step, round, CONTINUATIONS));
                String before = text;
                List<Message> goOn = new ArrayList<>(messages);
                goOn.add(Message.assistant(before));
                goOn.add(Message.user(FollowUps.continuation(language)));
                reply = ask(step, goOn, null, budget, settings.stream(), soFar -> grown.accept(before + soFar), cancellation);
                text = before + reply.text();
            }
            usage = usage.plus(reply.usage());
        }
        if (ModelProse.withoutThinking(text).isBlank()) {
            throw new ModelCallFailedException("The model answered the %s with no text (finish_reason: %s)%s."
                    .formatted(step, reply.finishReason(), reply.cut() ? "; raise AI_MAX_OUTPUT_TOKENS" : ""));
        }
        if (reply.cut()) {
            text = ProseEnd.atLastSentence(ModelProse.withoutThinking(text));
            notes.add("the %s was still cut at the output limit after %d continuations; it ends at its last full sentence (raise AI_MAX_OUTPUT_TOKENS)"
                    .formatted(step, CONTINUATIONS));
            log(cancellation, notes.getLast());
        }
        return new Answer<>(text, usage, notes);
    }

    /** JSON in the shape of {@code schema}; an answer cut at the output limit is asked for once more with a larger budget. */
    Answer<String> structured(String step, List<Message> messages, Map<String, Object> schema, Cancellation cancellation) {
        int budget = settings.maxOutputTokens();
        Reply reply = ask(step, messages, schema, budget, false, ignored -> { }, cancellation);
        TokenUsage usage = reply.usage();
        List<String> notes = new ArrayList<>();
        if (reply.cut()) {
            budget = larger(budget, reply);
            log(cancellation, "The %s was cut at the output limit (finish_reason: length); asking again with %d tokens."
                    .formatted(step, budget));
            reply = ask(step, messages, schema, budget, false, ignored -> { }, cancellation);
            usage = usage.plus(reply.usage());
            if (reply.cut()) {
                notes.add("the %s was cut at the output limit even with %d tokens".formatted(step, budget));
            }
        }
        if (ModelProse.withoutThinking(reply.text()).isBlank()) {
            throw new ModelCallFailedException("The model answered the %s with no text (finish_reason: %s)%s."
                    .formatted(step, reply.finishReason(), reply.cut() ? "; raise AI_MAX_OUTPUT_TOKENS" : ""));
        }
        return new Answer<>(reply.text(), usage, notes);
    }

    /** One chat completion, asked again without any parameter the model rejects. */
    Reply ask(String step, List<Message> messages, Map<String, Object> schema, int budget, boolean stream,
              Consumer<String> grown, Cancellation cancellation) {
        String call = "chat completion for the " + step;
        while (true) {
            ChatCompletionRequest request = dialect.request(settings.model(), step, messages, schema, budget,
                    settings.temperature(), stream);
            ChatBody body;
            try {
                body = endpoint.post("chat/completions", jsonb.toJson(request), call, cancellation, info -> read(info, grown));
            } catch (RejectedCallException rejected) {
                Optional<Adaptation> learnt = dialect.learn(settings.model(), request, rejected);
                if (learnt.isEmpty()) {
                    throw rejected;
                }
                LOG.warning(endpoint.redaction().apply(OpenAiEndpoint.progressLine(cancellation,
                        "The model %s does not take %s (%s); asking without it from now on."
                                .formatted(settings.model(), learnt.get().words(), rejected.detail()))));
                continue;
            }
            return reply(step, call, body);
        }
    }

    private HttpResponse.BodySubscriber<ChatBody> read(HttpResponse.ResponseInfo info, Consumer<String> grown) {
        if (ChatStream.isEventStream(info)) {
            return HttpResponse.BodySubscribers.mapping(new ChatStream(limit, jsonb, endpoint.redaction(), grown),
                    streamed -> new ChatBody(null, streamed));
        }
        return HttpResponse.BodySubscribers.mapping(BoundedBody.whole(info, limit),
                bytes -> new ChatBody(new String(bytes, StandardCharsets.UTF_8), null));
    }

    private Reply reply(String step, String call, ChatBody body) {
        ChatCompletionResponse response = body.streamed() != null ? body.streamed() : endpoint.parse(body.json(), ChatCompletionResponse.class, call);
        String shown = body.json() != null ? body.json() : "(a stream)";
        if (response.choices() == null || response.choices().isEmpty()) {
            throw new ModelCallFailedException("The %s came back with no choices: %s".formatted(call, excerpt(shown)));
        }
        ChatCompletionResponse.Choice choice = response.choices().getFirst();
        if (choice == null || choice.message() == null) {
            throw new ModelCallFailedException("The %s came back with a choice but no message: %s".formatted(call, excerpt(shown)));
        }
        String refusal = choice.message().refusal();
        if (refusal != null && !refusal.isBlank()) {
            throw new ModelCallFailedException("For the %s, the model refused: %s".formatted(step, excerpt(refusal)));
        }
        String text = choice.message().text();
        boolean cut = "length".equals(choice.finishReason());
        if (text == null && !cut) {
            throw new ModelCallFailedException("The model answered the %s with no content (null, finish_reason: %s)."
                    .formatted(step, choice.finishReason()));
        }
        if (response.usage() == null && usageMissingReported.compareAndSet(false, true)) {
            LOG.warning("AI-PROGRESS The model server at %s sends no usage with its answers; the token counts of its generations stay 0."
                    .formatted(settings.displayBaseUrl()));
        }
        return new Reply(text == null ? "" : text, choice.finishReason(), ProviderUsage.of(response.usage()));
    }


    private static int larger(int budget, Reply reply) {
        if (budget == 0) {
            return (int) Math.min(LARGEST_BUDGET, Math.max(BUDGET_WITHOUT_SETTING, 2 * reply.usage().completionTokens()));
        }
        return Math.min(LARGEST_BUDGET, budget * 2);
    }

    private void log(Cancellation cancellation, String text) {
        LOG.info(OpenAiEndpoint.progressLine(cancellation, text));
    }

    private String excerpt(String text) {
        return "«" + endpoint.redaction().excerpt(text, EXCERPT_LENGTH) + "»";
    }

    /** A 2xx answer: the JSON of a plain one, or a stream already put together. */
    private record ChatBody(String json, ChatCompletionResponse streamed) {
    }

    /** One answer as it came, before any continuation. */
    record Reply(String text, String finishReason, TokenUsage usage) {

        boolean cut() {
            return "length".equals(finishReason);
        }
    }
}
