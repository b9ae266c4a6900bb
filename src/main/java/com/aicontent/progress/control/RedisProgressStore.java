package com.aicontent.progress.control;

import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.WriteResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The progress store on Redis: the documents, the leases and the update channel, each a class of its own. */
@ApplicationScoped
public class RedisProgressStore implements ProgressStore {

    @Inject
    ProgressDocuments documents;

    @Inject
    RunningLeases leases;

    @Inject
    ProgressUpdates updates;

    @Inject
    ProgressKeys keys;

    @Inject
    ProgressJson json;

    @Override
    public WriteResult write(SessionHash hash, ProgressWrite write) {
        return documents.write(hash, write);
    }

    @Override
    public Optional<ProgressDocument> find(SessionHash hash) {
        return documents.find(hash);
    }

    @Override
    public void renewLeases(Collection<SessionHash> running) {
        leases.renew(running);
    }

    @Override
    public List<ProgressDocument> reapStalled(Map<String, String> messages) {
        return leases.reapStalled(messages);
    }

    @Override
    public Duration lease() {
        return keys.lease();
    }

    @Override
    public AutoCloseable follow(ThreadFactory threads, Predicate<SessionHash> wanted, Consumer<ProgressDocument> listener) {
        return updates.follow(threads, (hash, document) -> {
            if (wanted.test(hash)) {
                listener.accept(json.document(document));
            }
        });
    }
}
