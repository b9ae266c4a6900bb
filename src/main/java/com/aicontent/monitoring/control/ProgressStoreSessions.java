package com.aicontent.monitoring.control;

import com.aicontent.language.Language;
import com.aicontent.progress.control.ProgressDocuments;
import com.aicontent.progress.control.StandaloneProgressStore;
import com.aicontent.progress.entity.PartKind;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteOutcome;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The self-test's sessions, written through the application's own progress documents: the same
 * script, key, TTL and channel as a real generation. The only class of the self-test that knows the
 * store's API. Any failure of Redis becomes a {@link SelfTestStopped} sentence.
 */
public final class ProgressStoreSessions implements SelfTestSessions, AutoCloseable {

    private static final int ATTEMPT = 1;

    private final ProgressDocuments store;
    private final String redis;
    private final String hint;
    private final AutoCloseable owned;

    private ProgressStoreSessions(ProgressDocuments store, String redisUrl, String hint, AutoCloseable owned) {
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
    public static ProgressStoreSessions of(ProgressDocuments store, String redisUrl, String hint) {
        return new ProgressStoreSessions(store, redisUrl, hint, () -> { });
    }

    /** Over a store of its own, outside any server; {@link #close()} closes it. */
    public static ProgressStoreSessions connect(String redisUrl, String hint) {
        StandaloneProgressStore own = StandaloneProgressStore.open(redisUrl);
        return new ProgressStoreSessions(own.documents(), redisUrl, hint, own);
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
        ProgressDocument pending = ProgressDocument.pending(0, hash, title, Language.en, "Self-test: waiting", sections,
                images, now, "self-test");
        return guarded(() -> store.write(hash, new ProgressWrite.Create(pending)).outcome() == WriteOutcome.CREATED);
    }

    @Override
    public long timeToLive(SessionHash hash) {
        return guarded(() -> store.timeToLive(hash));
    }

    @Override
    public void enter(SessionHash hash, Step step) {
        if (step == Step.initialization) {
            write(hash, new ProgressWrite.Begin(ATTEMPT, "Self-test: " + step));
        }
        write(hash, new ProgressWrite.EnterStep(ATTEMPT, step, "Self-test: " + step));
    }

    @Override
    public void sectionDone(SessionHash hash, Step step, int index) {
        write(hash, new ProgressWrite.PartDone(ATTEMPT, PartKind.section, index, null));
    }

    @Override
    public void imageDone(SessionHash hash, Step step, int index) {
        write(hash, new ProgressWrite.PartDone(ATTEMPT, PartKind.image, index, null));
    }

    @Override
    public void finish(SessionHash hash, Step step) {
        write(hash, new ProgressWrite.LeaveStep(ATTEMPT, step));
    }

    @Override
    public void complete(SessionHash hash) {
        write(hash, new ProgressWrite.Complete(ATTEMPT, "Self-test: completed"));
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
        try {
            owned.close();
        } catch (Exception e) {
            // the connection is gone either way
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
