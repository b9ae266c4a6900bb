package com.aicontent.ai.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read with a limit, as it arrives: a server that answers 60 MB costs this
 * client at most the limit in memory and time, never the whole answer. A {@code Content-Length}
 * over the limit is refused before the first byte is read; a body without one is cut off (the
 * connection closed) the moment it passes the limit.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** What an error answer may take: it is only ever quoted, in a few hundred characters. */
    static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final Limit limit;
    private final boolean keepHead;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes;
    private Flow.Subscription subscription;

    private BoundedBody(Limit limit, boolean keepHead, long expected) {
        this.limit = limit;
        this.keepHead = keepHead;
        this.bytes = new ByteArrayOutputStream((int) Math.min(Math.max(expected, 8192), Math.min(limit.bytes(), 1 << 20)));
    }

    /** The whole body, or {@link AnswerTooLargeException} once it passes the limit. */
    static HttpResponse.BodySubscriber<byte[]> whole(HttpResponse.ResponseInfo info, Limit limit) {
        OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
        BoundedBody subscriber = new BoundedBody(limit, false, declared.orElse(0));
        if (declared.isPresent() && declared.getAsLong() > limit.bytes()) {
            subscriber.body.completeExceptionally(new AnswerTooLargeException(limit, declared.getAsLong()));
        }
        return subscriber;
    }

    /** The first {@code max} bytes; the rest is never read. */
    static HttpResponse.BodySubscriber<byte[]> head(int max) {
        return new BoundedBody(new Limit(max, "an error answer's quoted part"), true, 0);
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        if (body.isDone()) {
            newSubscription.cancel();
        } else {
            newSubscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int room = (int) Math.min(Integer.MAX_VALUE, limit.bytes() - bytes.size());
            if (buffer.remaining() > room) {
                if (keepHead) {
                    append(buffer, room);
                    body.complete(bytes.toByteArray());
                } else {
                    body.completeExceptionally(new AnswerTooLargeException(limit, -1));
                }
                subscription.cancel();
                return;
            }
            append(buffer, buffer.remaining());
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    private void append(ByteBuffer buffer, int count) {
        byte[] chunk = new byte[count];
        buffer.get(chunk);
        bytes.write(chunk, 0, count);
    }

    /** How much one answer may take, and the setting that says so (for the message). */
    record Limit(long bytes, String setting) {
    }

    /** An answer that passed its limit; it was not read further. Never worth another attempt. */
    static final class AnswerTooLargeException extends IOException {

        private final transient Limit limit;
        private final long declared;

        AnswerTooLargeException(Limit limit, long declared) {
            super("answer larger than " + limit.bytes() + " bytes", null);
            this.limit = limit;
            this.declared = declared;
        }

        /** What the admin reads: how big, which limit, and that nothing more was read. */
        String describe() {
            return (declared > 0 ? "announced %d bytes".formatted(declared) : "sent more than %d bytes".formatted(limit.bytes()))
                    + ", over the limit of %d bytes (%s); it was not read further".formatted(limit.bytes(), limit.setting());
        }

        /** Finds one among the causes the HTTP client wraps it in. */
        static Optional<AnswerTooLargeException> in(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof AnswerTooLargeException tooLarge) {
                    return Optional.of(tooLarge);
                }
            }
            return Optional.empty();
        }
    }
}
