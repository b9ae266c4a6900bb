package com.aicontent.ai.control;

import com.aicontent.ai.control.BoundedBody.AnswerTooLargeException;
import com.aicontent.ai.control.ChatCompletionResponse.Chunk;
import com.aicontent.ai.control.ChatCompletionResponse.ChunkChoice;
import com.aicontent.ai.entity.ModelCallFailedException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a streamed chat completion (server-sent events, {@code data: {chunk}} lines ending with
 * {@code data: [DONE]}) as it arrives, tells {@code grown} the text so far after every piece, and
 * puts the whole answer together in the shape of a plain one. The stream counts against the
 * answer's byte limit as a whole; a stream that stops before its end (no {@code finish_reason},
 * no {@code [DONE]}) is a dropped connection, worth another attempt.
 */
final class ChatStream implements HttpResponse.BodySubscriber<ChatCompletionResponse> {

    private static final Logger LOG = Logger.getLogger(ChatStream.class.getName());
    private static final int EXCERPT_LENGTH = 300;

    private final BoundedBody.Limit limit;
    private final Jsonb jsonb;
    private final KeyRedaction redaction;
    private final Consumer<String> grown;
    private final CompletableFuture<ChatCompletionResponse> answer = new CompletableFuture<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder refusal = new StringBuilder();
    private Flow.Subscription subscription;
    private long received;
    private boolean choiceSeen;
    private boolean done;
    private String finishReason;
    private ProviderUsage usage;

    ChatStream(BoundedBody.Limit limit, Jsonb jsonb, KeyRedaction redaction, Consumer<String> grown) {
        this.limit = limit;
        this.jsonb = jsonb;
        this.redaction = redaction;
        this.grown = grown;
    }

    static boolean isEventStream(HttpResponse.ResponseInfo info) {
        return info.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        newSubscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (answer.isDone()) {
            return;
        }
        try {
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                if (received > limit.bytes()) {
                    throw new AnswerTooLargeException(limit, -1);
                }
                while (buffer.hasRemaining()) {
                    byte next = buffer.get();
                    if (next == '\n') {
                        line(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(next);
                    }
                }
            }
            subscription.request(1);
        } catch (IOException | ModelCallFailedException failure) {
            answer.completeExceptionally(failure);
            subscription.cancel();
        }
    }

    @Override
    public void onError(Throwable failure) {
        answer.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        try {
            line(line.toString(StandardCharsets.UTF_8));
            dispatch();
            if (!done && finishReason == null) {
                answer.completeExceptionally(new IOException("the stream ended before the answer was complete"));
                return;
            }
            List<ChatCompletionResponse.Choice> choices = choiceSeen
                    ? List.of(new ChatCompletionResponse.Choice(new ChatCompletionResponse.Message("assistant",
                    content.toString(), refusal.isEmpty() ? null : refusal.toString()), finishReason))
                    : List.of();
            answer.complete(new ChatCompletionResponse(choices, usage));
        } catch (ModelCallFailedException failure) {
            answer.completeExceptionally(failure);
        }
    }

    @Override
    public CompletionStage<ChatCompletionResponse> getBody() {
        return answer;
    }

    private void line(String text) {
        String field = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        if (field.isEmpty()) {
            dispatch();
        } else if (field.startsWith("data:")) {
            String value = field.substring(5);
            data.append(data.isEmpty() ? "" : "\n").append(value.startsWith(" ") ? value.substring(1) : value);
        }
        // comments (": keep-alive"), event:, id: and retry: carry nothing for us
    }

    private void dispatch() {
        if (data.isEmpty()) {
            return;
        }
        String event = data.toString().strip();
        data.setLength(0);
        if (event.equals("[DONE]")) {
            done = true;
            return;
        }
        Chunk chunk;
        try {
            chunk = jsonb.fromJson(event, Chunk.class);
        } catch (JsonbException | ClassCastException notAChunk) {
            throw new ModelCallFailedException("The model server streamed an event this client cannot read: «%s»"
                    .formatted(excerpt(event)));
        }
        if (chunk == null) {
            return;
        }
        if (chunk.error() != null) {
            Object message = chunk.error() instanceof Map<?, ?> map && map.get("message") != null ? map.get("message") : chunk.error();
            throw new ModelCallFailedException("The model server reported an error in the middle of its stream: «%s»"
                    .formatted(excerpt(String.valueOf(message))));
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        for (ChunkChoice choice : chunk.choices() == null ? List.<ChunkChoice>of() : chunk.choices()) {
            choiceSeen = true;
            if (choice.finishReason() != null) {
                finishReason = choice.finishReason();
            }
            if (choice.delta() == null) {
                continue;
            }
            if (choice.delta().refusal() != null) {
                refusal.append(choice.delta().refusal());
            }
            if (choice.delta().content() != null && !choice.delta().content().isEmpty()) {
                content.append(choice.delta().content());
                tell();
            }
        }
    }

    private void tell() {
        try {
            grown.accept(content.toString());
        } catch (RuntimeException listenerFailed) {
            LOG.log(Level.FINE, "a listener of a streamed answer failed; the stream goes on", listenerFailed);
        }
    }

    private String excerpt(String text) {
        return redaction.excerpt(text, EXCERPT_LENGTH);
    }
}
