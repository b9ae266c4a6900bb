package com.aicontent.generation.entity;

import com.aicontent.ai.entity.Language;
import com.aicontent.progress.entity.Step;

import java.util.Map;

/**
 * The {@code current_message} texts, in Persian and English. {@code {done}} and {@code {total}} are
 * filled in by the progress store from the counts it keeps.
 */
public final class ProgressMessages {

    private static final Map<Step, String> PERSIAN = Map.of(
            Step.INITIALIZATION, "در حال آماده‌سازی تولید محتوا...",
            Step.HEADING_GENERATION, "در حال تولید سرفصل‌ها...",
            Step.SECTION_GENERATION, "در حال تولید بخش‌ها... ({done}/{total})",
            Step.IMAGE_GENERATION, "در حال تولید تصاویر... ({done}/{total})",
            Step.SUMMARY_GENERATION, "در حال تولید خلاصه...",
            Step.META_GENERATION, "در حال تولید متا تگ‌های سئو...",
            Step.FAQ_GENERATION, "در حال تولید پرسش‌های متداول...");

    private static final Map<Step, String> ENGLISH = Map.of(
            Step.INITIALIZATION, "Preparing the generation...",
            Step.HEADING_GENERATION, "Generating headings...",
            Step.SECTION_GENERATION, "Generating sections... ({done}/{total})",
            Step.IMAGE_GENERATION, "Generating images... ({done}/{total})",
            Step.SUMMARY_GENERATION, "Writing the summary...",
            Step.META_GENERATION, "Writing SEO meta tags...",
            Step.FAQ_GENERATION, "Writing the FAQ...");

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
