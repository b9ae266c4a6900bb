package com.aicontent.ai.control;

import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.GenerationCancelledException;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every wait of the model client (an HTTP call, a backoff, a free call slot) is a future that a
 * cancel completes at once: a cancelled generation never waits for an answer nobody wants.
 */
final class CancellableWait {

    private CancellableWait() {
    }

    /**
     * Waits for {@code future}; a cancel cancels it (which aborts an HTTP exchange of the JDK client).
     *
     * @param timeout null to wait as long as it takes
     * @throws TimeoutException   the future did not complete in time; it has been cancelled
     * @throws ExecutionException the future failed
     * @throws GenerationCancelledException the generation was cancelled, or the waiting thread interrupted
     */
    static <T> T await(CompletableFuture<T> future, Cancellation cancellation, Duration timeout)
            throws TimeoutException, ExecutionException {
        Runnable forget = cancellation.onCancel(() -> future.cancel(true));
        try {
            return timeout == null ? future.get() : future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (CancellationException cancelled) {
            throw new GenerationCancelledException();
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new GenerationCancelledException();
        } catch (TimeoutException timedOut) {
            future.cancel(true);
            throw timedOut;
        } catch (ExecutionException failed) {
            // an aborted exchange fails with the JDK's own "Request cancelled" rather than being cancelled
            if (cancellation.isCancelled()) {
                throw new GenerationCancelledException();
            }
            throw failed;
        } finally {
            forget.run();
        }
    }

    /** Sleeps for {@code duration} unless the generation is cancelled first. */
    static void sleep(Duration duration, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        CompletableFuture<Void> alarm = new CompletableFuture<Void>()
                .completeOnTimeout(null, duration.toNanos(), TimeUnit.NANOSECONDS);
        try {
            await(alarm, cancellation, null);
        } catch (TimeoutException | ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
