package com.aicontent.generation.control;

import com.aicontent.ai.control.ContentModel;
import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.FaqEntry;
import com.aicontent.ai.entity.GeneratedImage;
import com.aicontent.ai.entity.GenerationCancelledException;
import com.aicontent.ai.entity.ImageRefusedException;
import com.aicontent.ai.entity.ModelCallFailedException;
import com.aicontent.ai.entity.TokenUsage;

import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A model for the pipeline's unit tests: answers at once with 10 + 5 tokens a call, counts its
 * calls by part, fails the parts a test names, and holds the sections a test names until it lets
 * them go or the generation is cancelled (then it aborts the way a real call does).
 */
final class ScriptedModel implements ContentModel {

    static final TokenUsage USAGE = new TokenUsage(10, 5);

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<Integer> held = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);

    /**
     * {@code part}: headings, section, image, summary, meta or faq; {@code section:2} fails only that
     * section; {@code refused-image:1} answers image 1 with a URL the client refuses.
     */
    ScriptedModel failing(String part) {
        failing.add(part);
        return this;
    }

    ScriptedModel holding(int section) {
        held.add(section);
        return this;
    }

    void letGo() {
        release.countDown();
    }

    /** Waits until a held section's call has started. */
    void awaitHolding() throws InterruptedException {
        if (!holding.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no held section was asked for");
        }
    }

    int calls(String part) {
        return calls.getOrDefault(part, new AtomicInteger()).get();
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public String modelName() {
        return "scripted";
    }

    @Override
    public Answer<List<String>> headings(ArticleBrief brief, Cancellation cancellation) {
        called("headings", -1);
        return answer(IntStream.range(0, brief.sections()).mapToObj(i -> "Heading " + i).toList());
    }

    @Override
    public Answer<String> section(ArticleBrief brief, List<String> outline, int index, Consumer<String> written,
                                  Cancellation cancellation) {
        called("section", index);
        if (held.contains(index)) {
            hold(cancellation);
        }
        return answer("Body of " + outline.get(index));
    }

    @Override
    public Answer<GeneratedImage> image(ArticleBrief brief, String heading, int index, Cancellation cancellation) {
        called("image", index);
        return answer(new GeneratedImage(new byte[]{1, 2, 3}, "image/png", heading));
    }

    @Override
    public Answer<String> summary(ArticleBrief brief, List<String> outline, List<String> sections, Cancellation cancellation) {
        called("summary", -1);
        return answer("Summary");
    }

    @Override
    public Answer<ArticleMeta> meta(ArticleBrief brief, String summary, Cancellation cancellation) {
        called("meta", -1);
        return answer(new ArticleMeta("Title", "Description", List.of("a", "b")));
    }

    @Override
    public Answer<List<FaqEntry>> faq(ArticleBrief brief, String summary, int count, Cancellation cancellation) {
        called("faq", -1);
        return answer(IntStream.range(0, count).mapToObj(i -> new FaqEntry("Q" + i, "A" + i)).toList());
    }

    private void called(String part, int index) {
        calls.computeIfAbsent(part, p -> new AtomicInteger()).incrementAndGet();
        if (failing.contains("refused-" + part + ":" + index)) {
            throw new ImageRefusedException("the image URL of the scripted model was refused");
        }
        if (failing.contains(part) || failing.contains(part + ":" + index)) {
            throw new ModelCallFailedException("the scripted model refused the " + part);
        }
    }

    private void hold(Cancellation cancellation) {
        CountDownLatch aborted = new CountDownLatch(1);
        Runnable forget = cancellation.onCancel(aborted::countDown);
        holding.countDown();
        try {
            while (release.getCount() > 0 && aborted.getCount() > 0) {
                release.await(10, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            forget.run();
        }
        if (aborted.getCount() == 0) {
            throw new GenerationCancelledException();
        }
    }

    private static <T> Answer<T> answer(T value) {
        return new Answer<>(value, USAGE);
    }
}
