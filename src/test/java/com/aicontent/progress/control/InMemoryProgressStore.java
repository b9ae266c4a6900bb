package com.aicontent.progress.control;

import com.aicontent.progress.entity.PartKind;
import com.aicontent.progress.entity.PartProgress;
import com.aicontent.progress.entity.PartStatus;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressStatus;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.RedisUnavailableException;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteOutcome;
import com.aicontent.progress.entity.WriteResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The progress store in memory, for unit tests of the generation package: the rules of
 * {@code progress-write.lua} and {@code reap-stalled.lua} written again in Java, held to the same
 * contract suite as the Redis store ({@link ProgressStoreContract}). A test scripts its faults:
 * Redis down, writes failing, a flush, time passing for the leases, another instance's write.
 */
public final class InMemoryProgressStore implements ProgressStore {

    private final Map<SessionHash, Doc> documents = new HashMap<>();
    private final Map<SessionHash, Instant> leases = new HashMap<>();
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final Duration lease;
    private final InMemoryProgressStore shared;
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private volatile boolean down;
    private volatile int failingWrites;

    public InMemoryProgressStore() {
        this(Duration.ofSeconds(30), null);
    }

    private InMemoryProgressStore(Duration lease, InMemoryProgressStore shared) {
        this.lease = lease;
        this.shared = shared == null ? this : shared;
    }

    /** Another instance's view of the same store, whose leases last {@code lease}. */
    public InMemoryProgressStore withLease(Duration lease) {
        return new InMemoryProgressStore(lease, shared);
    }

    // --- what a test scripts

    /** Redis stops answering (true) or answers again (false). */
    public void down(boolean down) {
        shared.down = down;
    }

    /** The next {@code count} writes fail as if Redis had not answered. */
    public void failNextWrites(int count) {
        shared.failingWrites = count;
    }

    /** As FLUSHALL or a Redis restart without persistence: every document and lease is gone. */
    public void flush() {
        synchronized (shared) {
            shared.documents.clear();
            shared.leases.clear();
        }
    }

    public void passTime(Duration duration) {
        shared.now = shared.now.plus(duration);
    }

    public int writeCount() {
        return shared.writes.get();
    }

    // --- the port

    @Override
    public WriteResult write(SessionHash hash, ProgressWrite write) {
        InMemoryProgressStore store = shared;
        WriteResult result;
        boolean saved;
        synchronized (store) {
            store.answerOrFail();
            if (store.failingWrites > 0) {
                store.failingWrites--;
                throw new RedisUnavailableException("scripted: the write was not answered", null);
            }
            store.writes.incrementAndGet();
            Doc before = store.documents.get(hash);
            long version = before == null ? -1 : before.version;
            result = store.apply(hash, write, lease);
            saved = result.document() != null && result.document().version() > version;
        }
        if (saved) {
            store.publish(result.document());
        }
        return result;
    }

    @Override
    public Optional<ProgressDocument> find(SessionHash hash) {
        synchronized (shared) {
            shared.answerOrFail();
            return Optional.ofNullable(shared.documents.get(hash)).map(Doc::document);
        }
    }

    @Override
    public void renewLeases(Collection<SessionHash> running) {
        synchronized (shared) {
            if (shared.down) {
                return; // logged, not thrown, as the Redis store does
            }
            for (SessionHash hash : running) {
                shared.leases.computeIfPresent(hash, (h, end) -> shared.now.plus(lease));
            }
        }
    }

    @Override
    public List<ProgressDocument> reapStalled(Map<String, String> messages) {
        List<ProgressDocument> failed = new ArrayList<>();
        synchronized (shared) {
            if (shared.down) {
                return List.of();
            }
            for (SessionHash hash : List.copyOf(shared.leases.keySet())) {
                if (shared.leases.get(hash).isAfter(shared.now)) {
                    continue;
                }
                shared.leases.remove(hash);
                Doc doc = shared.documents.get(hash);
                if (doc != null && (doc.status == ProgressStatus.processing || doc.status == ProgressStatus.pending)) {
                    doc.status = ProgressStatus.failed;
                    doc.isFailed = true;
                    doc.error = messages.get("error");
                    doc.message = messages.getOrDefault(doc.language.name(), messages.get("en"));
                    failed.add(shared.saved(doc));
                }
            }
        }
        failed.forEach(shared::publish);
        return failed;
    }

    @Override
    public Duration lease() {
        return lease;
    }

    @Override
    public AutoCloseable follow(ThreadFactory threads, Predicate<SessionHash> wanted, Consumer<ProgressDocument> listener) {
        Follower follower = new Follower(Executors.newSingleThreadExecutor(threads), wanted, listener);
        shared.followers.add(follower);
        return () -> {
            shared.followers.remove(follower);
            follower.delivery.shutdownNow();
        };
    }

    private record Follower(ExecutorService delivery, Predicate<SessionHash> wanted, Consumer<ProgressDocument> listener) {
    }

    private void publish(ProgressDocument doc) {
        for (Follower follower : followers) {
            if (follower.wanted.test(doc.hash())) {
                follower.delivery.execute(() -> follower.listener.accept(doc));
            }
        }
    }

    private void answerOrFail() {
        if (down) {
            throw new RedisUnavailableException("scripted: Redis does not answer", null);
        }
    }

    // --- the rules, as progress-write.lua applies them

    private WriteResult apply(SessionHash hash, ProgressWrite write, Duration leaseOfWriter) {
        Doc doc = documents.get(hash);
        if (write instanceof ProgressWrite.Create create) {
            if (doc != null) {
                return new WriteResult(WriteOutcome.EXISTS, doc.document());
            }
            Doc created = Doc.of(create.doc());
            documents.put(hash, created);
            return applied(hash, created, WriteOutcome.CREATED, leaseOfWriter);
        }
        if (doc == null) {
            return new WriteResult(WriteOutcome.MISSING, null);
        }
        switch (write) {
            case ProgressWrite.Cancel cancel -> {
                if (doc.status == ProgressStatus.cancelled) {
                    return new WriteResult(WriteOutcome.UNCHANGED, doc.document());
                }
                if (doc.status.isTerminal()) {
                    return new WriteResult(WriteOutcome.CONFLICT, doc.document());
                }
                doc.status = ProgressStatus.cancelled;
                if (cancel.by() != null) {
                    doc.cancelledBy = cancel.by();
                }
                doc.message = cancel.messages().getOrDefault(doc.language.name(), cancel.messages().getOrDefault("en", doc.message));
                return applied(hash, doc, WriteOutcome.APPLIED, leaseOfWriter);
            }
            case ProgressWrite.Restart restart -> {
                if (doc.status == ProgressStatus.processing && restart.request().equals(doc.restartRequest)) {
                    return new WriteResult(WriteOutcome.APPLIED, doc.document());
                }
                if (doc.status != ProgressStatus.failed && doc.status != ProgressStatus.cancelled) {
                    return new WriteResult(WriteOutcome.CONFLICT, doc.document());
                }
                doc.status = ProgressStatus.processing;
                doc.isFailed = false;
                doc.error = null;
                doc.attempt++;
                doc.restartRequest = restart.request();
                if (restart.by() != null) {
                    doc.restartedBy = restart.by();
                }
                doc.message = restart.messages().getOrDefault(doc.language.name(), restart.messages().getOrDefault("en", doc.message));
                return applied(hash, doc, WriteOutcome.APPLIED, leaseOfWriter);
            }
            case ProgressWrite.Update update -> {
                if (doc.status.isTerminal() || update.attempt() != doc.attempt) {
                    return new WriteResult(WriteOutcome.IGNORED, doc.document());
                }
                doc.update(update);
                return applied(hash, doc, WriteOutcome.APPLIED, leaseOfWriter);
            }
            case ProgressWrite.Create create -> throw new IllegalStateException("handled above");
        }
    }

    private WriteResult applied(SessionHash hash, Doc doc, WriteOutcome outcome, Duration leaseOfWriter) {
        ProgressDocument saved = saved(doc);
        if (doc.status.isTerminal()) {
            leases.remove(hash);
        } else {
            leases.put(hash, now.plus(leaseOfWriter));
        }
        return new WriteResult(outcome, saved);
    }

    private ProgressDocument saved(Doc doc) {
        doc.version++;
        doc.updatedAt = now.toString();
        return doc.document();
    }

    /** A document as the script sees it: every field can change. */
    private static final class Doc {
        long aiContentId;
        String sessionHash;
        ProgressStatus status;
        Step step;
        int progress;
        String message;
        List<String> headings;
        List<PartProgress> sections;
        List<PartProgress> images;
        int totalSections;
        int totalImages;
        boolean isCompleted;
        boolean isFailed;
        String updatedAt;
        long version;
        String title;
        com.aicontent.language.Language language;
        int attempt;
        String createdAt;
        String error;
        long promptTokens;
        long completionTokens;
        long modelCalls;
        String restartRequest;
        String startedBy;
        String cancelledBy;
        String restartedBy;
        List<String> notes;

        static Doc of(ProgressDocument d) {
            Doc doc = new Doc();
            doc.aiContentId = d.aiContentId();
            doc.sessionHash = d.sessionHash();
            doc.status = d.status();
            doc.step = d.step();
            doc.progress = d.progress();
            doc.message = d.currentMessage();
            doc.headings = List.copyOf(d.headings());
            doc.sections = List.copyOf(d.sections());
            doc.images = List.copyOf(d.images());
            doc.totalSections = d.totalSections();
            doc.totalImages = d.totalImages();
            doc.isCompleted = d.isCompleted();
            doc.isFailed = d.isFailed();
            doc.version = d.version();
            doc.title = d.title();
            doc.language = d.language();
            doc.attempt = d.attempt();
            doc.createdAt = d.createdAt();
            doc.error = d.error();
            doc.promptTokens = d.promptTokens();
            doc.completionTokens = d.completionTokens();
            doc.modelCalls = d.modelCalls();
            doc.startedBy = d.startedBy();
            doc.cancelledBy = d.cancelledBy();
            doc.restartedBy = d.restartedBy();
            doc.notes = d.notes();
            return doc;
        }

        ProgressDocument document() {
            return new ProgressDocument(aiContentId, sessionHash, status, step, progress, message, headings, sections,
                    done(sections), totalSections, done(images), totalImages, isCompleted, isFailed, updatedAt, version,
                    title, language, attempt, createdAt, error, images, promptTokens, completionTokens, modelCalls,
                    startedBy, cancelledBy, restartedBy, notes);
        }

        void update(ProgressWrite.Update update) {
            switch (update) {
                case ProgressWrite.Begin begin -> {
                    status = ProgressStatus.processing;
                    if (advance(Step.initialization)) {
                        show(begin.message());
                    }
                }
                case ProgressWrite.EnterStep enter -> {
                    if (advance(enter.step())) {
                        raise(within(enter.step()));
                        show(worded(enter.message(), enter.step()));
                    }
                }
                case ProgressWrite.LeaveStep leave -> {
                    if (advance(leave.step())) {
                        raise(leave.step().endsAt());
                    }
                }
                case ProgressWrite.Outline outline -> {
                    headings = List.copyOf(outline.headings());
                    sections = List.copyOf(outline.sections());
                    images = List.copyOf(outline.images());
                    totalSections = sections.size();
                    totalImages = images.size();
                    if (advance(Step.heading_generation)) {
                        raise(Step.heading_generation.endsAt());
                    }
                }
                case ProgressWrite.PartDone part -> {
                    if (part.part() == PartKind.section) {
                        sections = marked(sections, part.index());
                    } else {
                        images = marked(images, part.index());
                    }
                    Step partStep = part.part() == PartKind.section ? Step.section_generation : Step.image_generation;
                    if (advance(partStep)) {
                        raise(within(partStep));
                        show(worded(part.message(), partStep));
                    }
                }
                case ProgressWrite.PartWriting writing -> {
                    if (writing.part() == PartKind.section) {
                        sections = writing(sections, writing);
                    } else {
                        images = writing(images, writing);
                    }
                }
                case ProgressWrite.PartFailed failed -> {
                    if (failed.part() == PartKind.section) {
                        sections = failed(sections, failed);
                    } else {
                        images = failed(images, failed);
                    }
                }
                case ProgressWrite.Notes noted -> notes = List.copyOf(noted.notes());
                case ProgressWrite.Usage usage -> {
                    modelCalls++;
                    promptTokens += usage.promptTokens();
                    completionTokens += usage.completionTokens();
                }
                case ProgressWrite.Complete complete -> {
                    advance(Step.faq_generation);
                    status = ProgressStatus.completed;
                    isCompleted = true;
                    progress = 100;
                    show(complete.message());
                }
                case ProgressWrite.Fail fail -> {
                    status = ProgressStatus.failed;
                    isFailed = true;
                    if (fail.error() != null) {
                        error = fail.error();
                    }
                    show(fail.message());
                }
            }
        }

        private boolean advance(Step wanted) {
            if (wanted.ordinal() < step.ordinal()) {
                return false;
            }
            step = wanted;
            return true;
        }

        private void raise(int value) {
            progress = Math.max(progress, value);
        }

        private void show(String text) {
            if (text != null) {
                message = text;
            }
        }

        private int within(Step of) {
            if (of.parts() == null) {
                return of.startsAt();
            }
            int done = of.parts() == PartKind.section ? done(sections) : done(images);
            int total = of.parts() == PartKind.section ? totalSections : totalImages;
            if (total == 0) {
                return of.endsAt();
            }
            return of.startsAt() + (of.endsAt() - of.startsAt()) * Math.min(done, total) / total;
        }

        private String worded(String text, Step of) {
            if (text == null || of.parts() == null) {
                return text;
            }
            boolean isSection = of.parts() == PartKind.section;
            return text.replace("{done}", Integer.toString(isSection ? done(sections) : done(images)))
                    .replace("{total}", Integer.toString(isSection ? totalSections : totalImages));
        }

        /** Like the script: only a listed part that is not done yet shows how far it got. */
        private static List<PartProgress> writing(List<PartProgress> parts, ProgressWrite.PartWriting writing) {
            return parts.stream().map(part -> part.index() == writing.index() && part.status() != PartStatus.done
                    ? new PartProgress(part.index(), part.heading(), PartStatus.writing, writing.characters(), writing.preview(), null)
                    : part).toList();
        }

        private static List<PartProgress> failed(List<PartProgress> parts, ProgressWrite.PartFailed failed) {
            return parts.stream().map(part -> part.index() == failed.index() && part.status() != PartStatus.done
                    ? new PartProgress(part.index(), part.heading(), PartStatus.failed, null, null, failed.error())
                    : part).toList();
        }

        private static List<PartProgress> marked(List<PartProgress> parts, int index) {
            List<PartProgress> result = new ArrayList<>();
            boolean found = false;
            for (PartProgress part : parts) {
                if (part.index() == index) {
                    result.add(PartProgress.of(index, part.heading(), PartStatus.done));
                    found = true;
                } else {
                    result.add(part);
                }
            }
            if (!found) {
                result.add(PartProgress.of(index, null, PartStatus.done));
            }
            return List.copyOf(result);
        }

        private static int done(List<PartProgress> parts) {
            return (int) parts.stream().filter(part -> part.status() == PartStatus.done).count();
        }
    }
}
