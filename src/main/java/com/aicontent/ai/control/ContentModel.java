package com.aicontent.ai.control;

import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.FaqEntry;
import com.aicontent.ai.entity.GeneratedImage;

import java.util.List;
import java.util.function.Consumer;

/**
 * A model that writes the parts of an article. Two exist: the built-in demo model and a client for
 * OpenAI-compatible servers. Every call may block for seconds; it stops early with
 * {@link com.aicontent.ai.entity.GenerationCancelledException} when the cancellation fires, and
 * fails with {@link com.aicontent.ai.entity.ModelCallFailedException} when the model cannot answer.
 */
public interface ContentModel {

    /** The model's name as recorded on the article. */
    String modelName();

    /** One heading per section, {@code brief.sections()} of them. */
    Answer<List<String>> headings(ArticleBrief brief, Cancellation cancellation);

    /**
     * The body of section {@code index} in Markdown, written as part of the whole outline.
     *
     * @param written hears the text so far while it is being written (models that stream); may never be called
     */
    Answer<String> section(ArticleBrief brief, List<String> outline, int index, Consumer<String> written,
                           Cancellation cancellation);

    /** The body of section {@code index}, for a caller that does not watch it grow. */
    default Answer<String> section(ArticleBrief brief, List<String> outline, int index, Cancellation cancellation) {
        return section(brief, outline, index, soFar -> { }, cancellation);
    }

    /** An illustration for the section with this heading. */
    Answer<GeneratedImage> image(ArticleBrief brief, String heading, int index, Cancellation cancellation);

    Answer<String> summary(ArticleBrief brief, List<String> outline, List<String> sections, Cancellation cancellation);

    /** SEO meta data; the caller enforces the length limits. */
    Answer<ArticleMeta> meta(ArticleBrief brief, String summary, Cancellation cancellation);

    Answer<List<FaqEntry>> faq(ArticleBrief brief, String summary, int count, Cancellation cancellation);
}
