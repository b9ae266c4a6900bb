package com.aicontent.ai.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.language.Language;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the model is told, beyond what the client tests already read from the wire. */
class ArticlePromptsTest {

    @Test
    void aLongArticleIsCutForTheSummaryPromptSoThatItFitsSmallModelsButEverySectionKeepsItsShare() {
        List<String> outline = Collections.nCopies(20, "Heading");
        List<String> sections = Collections.nCopies(20, "word ".repeat(1_000));

        String text = ArticlePrompts.articleText(outline, sections);

        assertTrue(text.length() < ArticlePrompts.SUMMARY_SOURCE_LIMIT + 20 * 20, "length " + text.length());
        assertTrue(text.split("## Heading").length == 21, "every section is there");
    }

    @Test
    void theFirstAndLastSectionsAreToldTheirPlaceInTheArticle() {
        ArticleBrief brief = new ArticleBrief("Tea", Language.en, 3, 0);
        List<String> outline = List.of("Origins", "Kinds", "Brewing");

        assertTrue(ArticlePrompts.section(brief, outline, 0).getLast().content().contains("first section"));
        assertTrue(ArticlePrompts.section(brief, outline, 2).getLast().content().contains("last section"));
        assertTrue(ArticlePrompts.section(brief, outline, 1).getLast().content().contains("neither introduces nor concludes"));
    }

    @Test
    void everyJsonPromptShowsTheShapeItWantsForServersThatIgnoreTheSchema() {
        ArticleBrief brief = new ArticleBrief("چای", Language.fa, 3, 0);

        assertTrue(ArticlePrompts.headings(brief).getLast().content().contains("{\"headings\""));
        assertTrue(ArticlePrompts.meta(brief, "خلاصه").getLast().content().contains("{\"title\""));
        assertTrue(ArticlePrompts.faq(brief, "خلاصه", 5).getLast().content().contains("{\"faq\""));
    }
}
