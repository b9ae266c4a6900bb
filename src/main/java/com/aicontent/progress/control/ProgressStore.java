package com.aicontent.progress.control;

import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.WriteResult;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What generations need of the progress store: atomic writes, reads, leases and the updates of
 * other instances. {@link RedisProgressStore} is the one the application runs on; the unit tests
 * of the generation package run on a scripted fake, and one contract suite holds both to the same
 * rules.
 */
public interface ProgressStore {

    /** Applies one write atomically by the contract's rules; throws RedisUnavailableException when Redis does not answer. */
    WriteResult write(SessionHash hash, ProgressWrite write);

    Optional<ProgressDocument> find(SessionHash hash);

    /** Renews the leases of the generations this instance runs; a failure is logged, not thrown. */
    void renewLeases(Collection<SessionHash> running);

    /**
     * Fails the generations whose lease ran out while they were pending or processing.
     *
     * @param messages the {@code current_message} by language, and the {@code error} under "error"
     * @return the documents it failed
     */
    List<ProgressDocument> reapStalled(Map<String, String> messages);

    /** How long a generation stays taken after its last lease renewal. */
    Duration lease();

    /**
     * Passes every document any instance writes for a generation {@code wanted} accepts to the
     * listener, on a thread of {@code threads}, until the handle is closed.
     */
    AutoCloseable follow(ThreadFactory threads, Predicate<SessionHash> wanted, Consumer<ProgressDocument> listener);
}
