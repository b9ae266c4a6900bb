package com.aicontent.generation.entity;

import com.aicontent.language.Language;
import com.aicontent.progress.entity.Step;

import java.util.Map;

/**
 * The {@code current_message} texts, in Persian and English. {@code {done}} and {@code {total}} are
 * filled in by the progress store from the counts it keeps.
 */
public final class ProgressMessages {

    private static final Map<Step, String> PERSIAN = Map.of(
            Step.initialization, "در حال آماده‌سازی تولید محتوا...",
            Step.heading_generation, "در حال تولید سرفصل‌ها...",
            Step.section_generation, "در حال تولید بخش‌ها... ({done}/{total})",
            Step.image_generation, "در حال تولید تصاویر... ({done}/{total})",
            Step.summary_generation, "در حال تولید خلاصه...",
            Step.meta_generation, "در حال تولید متا تگ‌های سئو...",
            Step.faq_generation, "در حال تولید پرسش‌های متداول...");

    private static final Map<Step, String> ENGLISH = Map.of(
            Step.initialization, "Preparing the generation...",
            Step.heading_generation, "Generating headings...",
            Step.section_generation, "Generating sections... ({done}/{total})",
            Step.image_generation, "Generating images... ({done}/{total})",
            Step.summary_generation, "Writing the summary...",
            Step.meta_generation, "Writing SEO meta tags...",
            Step.faq_generation, "Writing the FAQ...");

    public static final Map<String, String> CANCELLED = Map.of(
            "fa", "تولید محتوا لغو شد", "en", "Generation cancelled");

    public static final Map<String, String> RESUMING = Map.of(
            "fa", "ادامه‌ی تولید محتوا از آخرین مرحله‌ی ناتمام...", "en", "Resuming from the first unfinished step...");

    private ProgressMessages() {
    }

    public static String inStep(Language language, Step step) {
        return (language == Language.fa ? PERSIAN : ENGLISH).get(step);
    }

    public static String completed(Language language) {
        return language == Language.fa ? "تولید محتوا با موفقیت انجام شد" : "Generation completed";
    }

    public static String failed(Language language, String error) {
        return (language == Language.fa ? "تولید محتوا با خطا متوقف شد: " : "Generation failed: ") + error;
    }
}
