package com.aicontent.ai.control;

import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.FaqEntry;
import com.aicontent.ai.entity.GeneratedImage;
import com.aicontent.language.Language;
import com.aicontent.ai.entity.ModelCallFailedException;
import com.aicontent.ai.entity.TokenUsage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The built-in model: no network, no key, the same text for the same request. It lets the whole
 * flow run on a fresh machine and says in every part that its text is demo content. A title
 * containing {@code [demo-fail:<part>]} (part: headings, section, image, summary, meta, faq) makes
 * that part fail once, to show failure and restart.
 */
public class DemoContentModel implements ContentModel {

    public static final String NAME = "demo (built-in, not a language model)";

    private final long delayMillis;
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    public DemoContentModel(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    @Override
    public String modelName() {
        return NAME;
    }

    @Override
    public Answer<List<String>> headings(ArticleBrief brief, Cancellation cancellation) {
        think(brief, "headings", cancellation);
        List<String> headings = IntStream.range(0, brief.sections())
                .mapToObj(i -> text(brief.language(),
                        "بخش %d: نگاهی به «%s»".formatted(i + 1, brief.title()),
                        "Part %d: a look at \"%s\"".formatted(i + 1, brief.title())))
                .toList();
        return answer(headings, brief.title());
    }

    @Override
    public Answer<String> section(ArticleBrief brief, List<String> outline, int index, Consumer<String> written,
                                  Cancellation cancellation) {
        String number = ArticlePrompts.number(brief.language(), index + 1);
        String of = ArticlePrompts.number(brief.language(), outline.size());
        String opening = text(brief.language(),
                "[محتوای نمایشی] این متن را مدل نمایشی داخلی نوشته است، نه یک مدل زبانی واقعی.",
                "[Demo content] This text was written by the built-in demo model, not by a real language model.");
        String body = opening + "\n\n" + text(brief.language(),
                """
                ### آنچه اینجا می‌آید

                بخش %s از %s مقاله‌ی «%s» با عنوان «%s» در اینجا قرار می‌گیرد.

                - برای متن واقعی، **AI_PROVIDER=openai** را تنظیم کنید.
                - یک مدل واقعی ۳۰۰ تا ۴۵۰ کلمه با قالب Markdown می‌نویسد.""".formatted(number, of, brief.title(), outline.get(index)),
                """
                ### What goes here

                Section %s of %s of the article "%s", titled "%s", goes here.

                - Set **AI_PROVIDER=openai** for real text.
                - A real model writes 300 to 450 words of Markdown.""".formatted(number, of, brief.title(), outline.get(index)));
        // like a model that streams: the first paragraph shows while the rest is still being written
        pause(delayMillis / 2, cancellation);
        written.accept(opening);
        think(brief, "section", delayMillis - delayMillis / 2, cancellation);
        return answer(body, outline.get(index));
    }

    @Override
    public Answer<GeneratedImage> image(ArticleBrief brief, String heading, int index, Cancellation cancellation) {
        think(brief, "image", cancellation);
        int hue = Math.floorMod((brief.title() + index).hashCode(), 360);
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">
                <rect width="640" height="360" fill="hsl(%d,55%%,42%%)"/>
                <circle cx="500" cy="110" r="70" fill="hsl(%d,70%%,70%%)"/>
                <path d="M0 300 L180 170 L320 280 L460 200 L640 310 L640 360 L0 360 Z" fill="hsl(%d,40%%,25%%)"/>
                <text x="32" y="64" font-family="sans-serif" font-size="28" fill="#fff">DEMO IMAGE %d</text>
                <text x="32" y="100" font-family="sans-serif" font-size="18" fill="#fff">%s</text>
                </svg>
                """.formatted(hue, (hue + 40) % 360, (hue + 180) % 360, index + 1, xml(shorten(heading, 48)));
        String alt = text(brief.language(), "تصویر نمایشی برای «%s»".formatted(heading), "Demo illustration for \"%s\"".formatted(heading));
        return answer(new GeneratedImage(svg.getBytes(StandardCharsets.UTF_8), "image/svg+xml", alt), heading);
    }

    @Override
    public Answer<String> summary(ArticleBrief brief, List<String> outline, List<String> sections, Cancellation cancellation) {
        think(brief, "summary", cancellation);
        return answer(text(brief.language(),
                "[محتوای نمایشی] خلاصه‌ی مقاله‌ی «%s» در %d بخش.".formatted(brief.title(), outline.size()),
                "[Demo content] A summary of \"%s\" in %d sections.".formatted(brief.title(), outline.size())), brief.title());
    }

    @Override
    public Answer<ArticleMeta> meta(ArticleBrief brief, String summary, Cancellation cancellation) {
        think(brief, "meta", cancellation);
        ArticleMeta meta = new ArticleMeta(
                text(brief.language(), "%s (نمایشی)".formatted(brief.title()), "%s (demo)".formatted(brief.title())),
                text(brief.language(), "[محتوای نمایشی] مقاله‌ای درباره‌ی «%s».".formatted(brief.title()),
                        "[Demo content] An article about \"%s\".".formatted(brief.title())),
                List.of(text(brief.language(), "نمایشی", "demo"), brief.title()));
        return answer(meta, summary);
    }

    @Override
    public Answer<List<FaqEntry>> faq(ArticleBrief brief, String summary, int count, Cancellation cancellation) {
        think(brief, "faq", cancellation);
        List<FaqEntry> faq = IntStream.range(0, count).mapToObj(i -> new FaqEntry(
                text(brief.language(), "پرسش نمایشی %d درباره‌ی «%s»؟".formatted(i + 1, brief.title()),
                        "Demo question %d about \"%s\"?".formatted(i + 1, brief.title())),
                text(brief.language(), "[محتوای نمایشی] پاسخ %d.".formatted(i + 1), "[Demo content] Answer %d.".formatted(i + 1))))
                .toList();
        return answer(faq, summary);
    }

    private void think(ArticleBrief brief, String part, Cancellation cancellation) {
        think(brief, part, delayMillis, cancellation);
    }

    /** Stands for the model's latency, then fails once when the title asks for it. */
    private void think(ArticleBrief brief, String part, long millis, Cancellation cancellation) {
        pause(millis, cancellation);
        String marker = "[demo-fail:" + part + "]";
        if (brief.title().contains(marker) && failedOnce.add(brief.title() + marker)) {
            throw new ModelCallFailedException("The demo model was asked to fail its " + part + " once (" + marker + " in the title)");
        }
    }

    /** Waits, and wakes up at once when the generation is cancelled. */
    private static void pause(long millis, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        CountDownLatch cancelled = new CountDownLatch(1);
        Runnable unregister = cancellation.onCancel(cancelled::countDown);
        try {
            cancelled.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            unregister.run();
        }
        cancellation.throwIfCancelled();
    }

    /** Token counts as a real model would report them, roughly four characters a token. */
    private static <T> Answer<T> answer(T value, String prompt) {
        return new Answer<>(value, new TokenUsage(20 + prompt.length() / 4, 10 + String.valueOf(value).length() / 4));
    }

    private static String text(Language language, String persian, String english) {
        return language == Language.fa ? persian : english;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
