package com.aicontent.ai.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.language.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo model writes Markdown sections and lets them be watched growing, like a model that streams. */
class DemoContentModelTest {

    @Test
    void aSectionIsMarkdownAndItsFirstParagraphIsToldBeforeTheWholeComesBack() {
        List<String> told = new ArrayList<>();

        String body = new DemoContentModel(10).section(new ArticleBrief("Tomatoes", Language.en, 2, 0),
                List.of("One", "Two"), 1, told::add, Cancellation.NEVER).value();

        assertTrue(body.contains("### What goes here") && body.contains("- Set **AI_PROVIDER=openai**"), body);
        assertEquals(1, told.size());
        assertTrue(body.startsWith(told.getFirst()), told.toString());
    }

    @Test
    void aPersianSectionNumbersItsPartsInPersianDigits() {
        String body = new DemoContentModel(0).section(new ArticleBrief("گوجه", Language.fa, 3, 0),
                List.of("یک", "دو", "سه"), 1, ignored -> { }, Cancellation.NEVER).value();

        assertTrue(body.contains("بخش ۲ از ۳"), body);
    }
}
