package com.aicontent.monitoring.control;

import com.aicontent.progress.control.ProgressStore;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressStatus;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.ProgressWrite.Span;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteOutcome;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The self-test's sessions, written through the application's own {@link ProgressStore}: the same
 * script, key, TTL and channel as a real generation. The only class of the self-test that knows the
 * store's API. Any failure of Redis becomes a {@link SelfTestStopped} sentence.
 */
public final class ProgressStoreSessions implements SelfTestSessions, AutoCloseable {

    private static final int ATTEMPT = 1;

    private final ProgressStore store;
    private final String redis;
    private final String hint;
    private final boolean owned;

    private ProgressStoreSessions(ProgressStore store, String redisUrl, String hint, boolean owned) {
        this.store = store;
        this.redis = "Redis at " + hostAndPort(redisUrl);
        this.hint = hint;
        this.owned = owned;
    }

    /**
     * Over the store of a running instance, which stays open.
     *
     * @param hint where the operator sets the Redis address, for the sentence when it does not answer
     */
    public static ProgressStoreSessions of(ProgressStore store, String redisUrl, String hint) {
        return new ProgressStoreSessions(store, redisUrl, hint, false);
    }

    /** Over a store of its own, outside any server; {@link #close()} closes it. */
    public static ProgressStoreSessions connect(String redisUrl, String hint) {
        return new ProgressStoreSessions(ProgressStore.connect(redisUrl, 3600), redisUrl, hint, true);
    }

    @Override
    public String redis() {
        return redis;
    }

    @Override
    public boolean exists(SessionHash hash) {
        return guarded(() -> store.read(hash).isPresent());
    }

    @Override
    public boolean create(SessionHash hash, String title, int sections, int images) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ProgressDocument pending = ProgressDocument.pending(0, hash, title, "en", "Self-test: waiting", sections, images, now);
        return guarded(() -> store.create(pending).outcome() == WriteOutcome.CREATED);
    }

    @Override
    public long timeToLive(SessionHash hash) {
        return guarded(() -> store.timeToLive(hash));
    }

    @Override
    public void enter(SessionHash hash, Step step) {
        write(hash, ProgressWrite.by(ATTEMPT).inStep(step, step.startsAt(), "Self-test: " + step.wireName())
                .withStatus(ProgressStatus.processing, null));
    }

    @Override
    public void sectionDone(SessionHash hash, Step step, int index) {
        write(hash, ProgressWrite.by(ATTEMPT).inStep(step, step.startsAt(), null).withSectionDone(index, Span.sections(step)));
    }

    @Override
    public void imageDone(SessionHash hash, Step step, int index) {
        write(hash, ProgressWrite.by(ATTEMPT).inStep(step, step.startsAt(), null).withImageDone(index, Span.images(step)));
    }

    @Override
    public void finish(SessionHash hash, Step step) {
        write(hash, ProgressWrite.by(ATTEMPT).inStep(step, step.endsAt(), null));
    }

    @Override
    public void complete(SessionHash hash) {
        write(hash, ProgressWrite.by(ATTEMPT).withStatus(ProgressStatus.completed, null));
    }

    @Override
    public void delete(SessionHash hash) {
        guarded(() -> {
            store.delete(hash);
            return null;
        });
    }

    @Override
    public void close() {
        if (owned) {
            store.close();
        }
    }

    private void write(SessionHash hash, ProgressWrite write) {
        guarded(() -> store.write(hash, write));
    }

    /** Every call here is Redis I/O: whatever fails is Redis' trouble, told as such. */
    private <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new SelfTestStopped(refusedCredentials(e)
                    ? redis + " refused the credentials: put the right user and password into the URL, "
                    + "redis://user:password@host:port " + hint
                    : redis + " did not answer: is it running, and is it the Redis the application uses? " + hint);
        }
    }

    /** Redis' own error codes for a missing or wrong password, wherever in the chain they are. */
    private static boolean refusedCredentials(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("NOAUTH") || message.contains("WRONGPASS")) {
                return true;
            }
        }
        return false;
    }

    /** {@code host:port}, and the database when it is not 0; credentials never. */
    static String hostAndPort(String redisUrl) {
        try {
            URI uri = URI.create(redisUrl);
            String database = uri.getPath() == null || uri.getPath().length() <= 1 || uri.getPath().equals("/0") ? ""
                    : " (database " + uri.getPath().substring(1) + ")";
            return uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort()) + database;
        } catch (IllegalArgumentException e) {
            return "an address that is not a URL like redis://host:6379";
        }
    }
}
