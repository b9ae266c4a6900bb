package com.aicontent.generation.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.content.control.InMemoryArticleStore;
import com.aicontent.generation.entity.GenerationEvent;
import com.aicontent.language.Language;
import com.aicontent.progress.control.InMemoryProgressStore;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The generation package wired by hand as CDI wires it, on the fakes: the in-memory progress store
 * and articles, a scripted model, virtual threads for the executor. One instance of the
 * application, without a server.
 */
final class Testbed implements AutoCloseable {

    final InMemoryProgressStore store;
    final InMemoryArticleStore articles = new InMemoryArticleStore();
    final ScriptedModel model;
    final List<GenerationEvent> events = new CopyOnWriteArrayList<>();
    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    final ProgressReporter progress = new ProgressReporter();
    final RunningGenerations running = new RunningGenerations();
    final RunEvents runEvents = new RunEvents();
    final RunOutcomes outcomes = new RunOutcomes();
    final ExecutorLoad load = new ExecutorLoad();
    final ArticlePipeline pipeline = new ArticlePipeline();
    final GenerationLeases leases = new GenerationLeases();

    Testbed(ScriptedModel model) {
        this(model, new InMemoryProgressStore());
    }

    Testbed(ScriptedModel model, InMemoryProgressStore store) {
        this.model = model;
        this.store = store;
        progress.store = store;
        running.store = store;
        running.threads = Thread.ofVirtual().factory();
        running.listen(null);
        runEvents.events = new RecordedEvents(events);
        outcomes.progress = progress;
        outcomes.articles = articles;
        outcomes.model = model;
        outcomes.events = runEvents;
        pipeline.executor = executor;
        pipeline.model = model;
        pipeline.articles = articles;
        pipeline.progress = progress;
        pipeline.running = running;
        pipeline.outcomes = outcomes;
        pipeline.events = runEvents;
        pipeline.load = load;
        pipeline.faqCount = 3;
        leases.store = store;
        leases.running = running;
        leases.articles = articles;
    }

    /** Creates the article and its pending document, as a start does. */
    GenerationRun accept(String title, int sections, int images) {
        ArticleBrief brief = new ArticleBrief(title, Language.en, sections, images);
        SessionHash hash = SessionHash.random();
        long id = articles.create(hash.value(), brief, model.modelName(), "eddie");
        store.write(hash, new ProgressWrite.Create(ProgressDocument.pending(id, hash, title, Language.en, "Preparing",
                sections, Math.min(sections, images), "2026-01-01T00:00:00Z")));
        return new GenerationRun(hash, id, 1, brief);
    }

    /** Runs it to its end, as recorded. */
    GenerationRun run(String title, int sections, int images) throws Exception {
        GenerationRun run = accept(title, sections, images);
        pipeline.start(run).get(20, TimeUnit.SECONDS);
        return run;
    }

    ProgressDocument document(GenerationRun run) {
        return store.find(run.hash()).orElseThrow();
    }

    InMemoryArticleStore.Row article(GenerationRun run) {
        return articles.row(run.articleId());
    }

    List<GenerationEvent.Kind> kinds() {
        return events.stream().map(GenerationEvent::kind).filter(kind -> kind != GenerationEvent.Kind.STEP_FINISHED).toList();
    }

    List<String> finishedSteps() {
        return events.stream().filter(e -> e.kind() == GenerationEvent.Kind.STEP_FINISHED).map(GenerationEvent::step).toList();
    }

    static List<String> allSteps() {
        return java.util.Arrays.stream(Step.values()).skip(1).map(Step::name).toList();
    }

    @Override
    public void close() {
        running.stopListening();
        executor.shutdownNow();
    }

    /** CDI's event, recording what is fired. */
    private record RecordedEvents(List<GenerationEvent> fired) implements Event<GenerationEvent> {

        @Override
        public void fire(GenerationEvent event) {
            fired.add(event);
        }

        @Override
        public <U extends GenerationEvent> CompletionStage<U> fireAsync(U event) {
            fired.add(event);
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends GenerationEvent> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return fireAsync(event);
        }

        @Override
        public Event<GenerationEvent> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends GenerationEvent> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends GenerationEvent> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
