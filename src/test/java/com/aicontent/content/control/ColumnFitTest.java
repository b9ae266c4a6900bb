package com.aicontent.content.control;

import com.aicontent.content.entity.Article;
import com.aicontent.content.entity.ArticleImage;
import com.aicontent.content.entity.ArticleSection;
import com.aicontent.content.entity.FaqItem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a model writes fits its column: short texts cut at a word, bodies at a sentence, no NUL. */
class ColumnFitTest {

    @Test
    void aSixHundredCharacterHeadingIsCutAtAWordToFitItsColumn() {
        String heading = "Tomatoes " + "grow well on sunny balconies ".repeat(21);
        assertTrue(heading.length() >= 600);

        String stored = ColumnFit.words(heading, Article.HEADING_LENGTH);

        assertTrue(stored.length() <= Article.HEADING_LENGTH, () -> String.valueOf(stored.length()));
        assertTrue(stored.length() > Article.HEADING_LENGTH - 40, () -> String.valueOf(stored.length()));
        assertTrue(stored.endsWith("balconies…") || stored.endsWith("grow…") || stored.endsWith("well…")
                || stored.endsWith("on…") || stored.endsWith("sunny…"), stored);
        assertTrue(heading.startsWith(stored.substring(0, stored.length() - 1)), stored);
    }

    @Test
    void aWordLongerThanTheColumnIsCutInsideItAsALastResort() {
        assertEquals("a".repeat(9) + "…", ColumnFit.words("a".repeat(50), 10));
    }

    @Test
    void aLongBodyIsCutAfterItsLastWholeSentence() {
        String body = "One sentence here. ".repeat(100) + "A last one that never ends";

        String stored = ColumnFit.sentences(body, 100);

        assertEquals("One sentence here. ".repeat(5).strip() + " …", stored);
        assertTrue(stored.length() <= 100);
    }

    @Test
    void persianSentencesEndAtTheirOwnQuestionMarkToo() {
        String stored = ColumnFit.sentences("آیا گوجه نور می‌خواهد؟ بله، روزی شش ساعت. " + "و بیشتر ".repeat(20), 50);

        assertEquals("آیا گوجه نور می‌خواهد؟ بله، روزی شش ساعت. …", stored);
    }

    @Test
    void textsThatFitStayAsTheyAreAndNullStaysNull() {
        assertEquals("Light and water", ColumnFit.words("Light and water", 500));
        assertNull(ColumnFit.sentences(null, 10));
    }

    @Test
    void nulAndOtherControlCharactersThatBreakAWriteAreRemovedButLineBreaksStay() {
        assertEquals("ab\ncd\te", ColumnFit.clean("a\u0000b\ncd\te\u0007\u001b"));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String stored = ColumnFit.words("🍅".repeat(20), 11);

        assertFalse(Character.isHighSurrogate(stored.charAt(stored.length() - 2)), stored);
        assertTrue(stored.length() <= 11);
    }

    @Test
    void theLengthsTheStoreCutsToAreTheColumnsOfTheSchemaScript() throws IOException {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/sql/create.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("title", Article.TITLE_LENGTH), Map.entry("model", Article.MODEL_LENGTH),
                Map.entry("heading", Article.HEADING_LENGTH), Map.entry("summary", Article.SUMMARY_LENGTH),
                Map.entry("meta_title", Article.META_TITLE_LENGTH), Map.entry("meta_description", Article.META_DESCRIPTION_LENGTH),
                Map.entry("keyword", Article.KEYWORD_LENGTH), Map.entry("error", Article.ERROR_LENGTH),
                Map.entry("notes", Article.NOTES_LENGTH), Map.entry("question", FaqItem.QUESTION_LENGTH),
                Map.entry("answer", FaqItem.ANSWER_LENGTH), Map.entry("body", ArticleSection.BODY_LENGTH),
                Map.entry("alt", ArticleImage.ALT_LENGTH), Map.entry("content_type", ArticleImage.CONTENT_TYPE_LENGTH));
        expected.forEach((column, length) -> {
            Matcher declared = Pattern.compile("[ (]" + column + " VARCHAR\\((\\d+)\\)").matcher(script);
            assertTrue(declared.find(), column);
            do {
                assertEquals(length, Integer.parseInt(declared.group(1)), column);
            } while (declared.find());
        });
    }
}
