package com.aicontent.ai.control;

import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.FaqEntry;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading structured answers from what models really send: clean JSON, fenced JSON, JSON with chatter, or prose. */
class StructuredAnswersTest {

    final StructuredAnswers answers = new StructuredAnswers(JsonbBuilder.create());

    @Test
    void headingsComeFromTheJsonTheSchemaAskedFor() {
        assertEquals(Optional.of(List.of("One", "Two")), answers.headings("{\"headings\": [\"One\", \"Two\"]}", 2));
    }

    @Test
    void headingsComeFromFencedJsonSurroundedByChatter() {
        String answer = """
                Sure! Here is the outline you asked for:
                ```json
                {"headings": ["Choosing the pot", "Light and water", "Harvest"]}
                ```
                Let me know if you need more.""";

        assertEquals(Optional.of(List.of("Choosing the pot", "Light and water", "Harvest")), answers.headings(answer, 3));
    }

    @Test
    void headingsComeFromABareArrayOrFromObjectsWithAHeadingField() {
        assertEquals(Optional.of(List.of("A", "B")), answers.headings("[\"A\", \"B\"]", 2));
        assertEquals(Optional.of(List.of("A", "B")),
                answers.headings("{\"outline\": [{\"heading\": \"A\"}, {\"heading\": \"B\"}]}", 2));
    }

    @Test
    void headingsComeFromAMarkdownListWhenTheModelIgnoredTheSchema() {
        String answer = """
                Here is an outline:

                1. **Choosing the pot**
                2. Light and water
                3. "Harvest"
                """;

        assertEquals(Optional.of(List.of("Choosing the pot", "Light and water", "Harvest")), answers.headings(answer, 3));
    }

    @Test
    void headingsComeFromAPersianListWithPersianDigits() {
        String answer = "۱. انتخاب گلدان\n۲. نور و آب\n۳. برداشت";

        assertEquals(Optional.of(List.of("انتخاب گلدان", "نور و آب", "برداشت")), answers.headings(answer, 3));
    }

    @Test
    void headingsFromMarkdownHeadingLinesAndAfterAReasoningTrace() {
        String answer = "<think>Three headings, then.</think>\n## Choosing the pot\n## Light and water\n## Harvest";

        assertEquals(Optional.of(List.of("Choosing the pot", "Light and water", "Harvest")), answers.headings(answer, 3));
    }

    @Test
    void theReaderKeepsEveryHeadingTheAnswerHoldsAndFindsNoneInAnAnswerThatIsNoList() {
        assertEquals(Optional.of(List.of("A", "B", "C")), answers.headings("{\"headings\": [\"A\", \"B\", \"C\"]}", 2));
        assertEquals(Optional.of(List.of("A")), answers.headings("{\"headings\": [\"A\"]}", 2));
        assertEquals(Optional.of(List.of()), answers.headings("{\"headings\": []}", 2));
        assertEquals(Optional.empty(), answers.headings("I cannot help with that request, as it is about tomatoes.", 2));
    }

    @Test
    void metaComesFromJsonEvenNestedOrWithKeywordsAsOneString() {
        assertEquals(Optional.of(new ArticleMeta("T", "D", List.of("a", "b"))),
                answers.meta("{\"title\": \"T\", \"description\": \"D\", \"keywords\": [\"a\", \"b\"]}"));
        assertEquals(Optional.of(new ArticleMeta("T", "D", List.of("a", "b"))),
                answers.meta("```\n{\"meta\": {\"meta_title\": \"T\", \"meta_description\": \"D\", \"keywords\": \"a, b\"}}\n```"));
    }

    @Test
    void metaComesFromLabelledLinesInEnglishOrPersian() {
        String english = """
                **Meta title:** Balcony tomatoes
                **Meta description:** Grow tomatoes in pots.
                **Keywords:** tomatoes, balcony, pots""";
        String persian = """
                عنوان: گوجه در بالکن
                توضیحات: پرورش گوجه در گلدان.
                کلمات کلیدی: گوجه، بالکن، گلدان""";

        assertEquals(Optional.of(new ArticleMeta("Balcony tomatoes", "Grow tomatoes in pots.", List.of("tomatoes", "balcony", "pots"))),
                answers.meta(english));
        assertEquals(Optional.of(new ArticleMeta("گوجه در بالکن", "پرورش گوجه در گلدان.", List.of("گوجه", "بالکن", "گلدان"))),
                answers.meta(persian));
    }

    @Test
    void metaWithoutTitleOrDescriptionIsUnusable() {
        assertEquals(Optional.empty(), answers.meta("{\"title\": \"Only a title\"}"));
        assertEquals(Optional.empty(), answers.meta("Tomatoes are great."));
    }

    @Test
    void faqComesFromJsonWithEveryPairItHolds() {
        String answer = "{\"faq\": [{\"question\": \"Q1?\", \"answer\": \"A1.\"}, {\"question\": \"Q2?\", \"answer\": \"A2.\"},"
                + " {\"question\": \"Q3?\", \"answer\": \"A3.\"}]}";

        assertEquals(Optional.of(List.of(new FaqEntry("Q1?", "A1."), new FaqEntry("Q2?", "A2."), new FaqEntry("Q3?", "A3."))),
                answers.faq(answer));
    }

    @Test
    void faqComesFromQuestionAndAnswerLabelsInEnglishOrPersian() {
        String english = """
                Q: How much sun do tomatoes need?
                A: Six hours a day.
                Q: Which pot size?
                A: At least 20 litres,
                more for big plants.""";
        String persian = """
                پرسش: گوجه چقدر نور می‌خواهد؟
                پاسخ: روزی شش ساعت.""";

        assertEquals(Optional.of(List.of(new FaqEntry("How much sun do tomatoes need?", "Six hours a day."),
                new FaqEntry("Which pot size?", "At least 20 litres, more for big plants."))), answers.faq(english));
        assertEquals(Optional.of(List.of(new FaqEntry("گوجه چقدر نور می‌خواهد؟", "روزی شش ساعت."))), answers.faq(persian));
    }

    @Test
    void faqComesFromQuestionLinesFollowedByTheirAnswers() {
        String answer = """
                **1. How much sun do tomatoes need?**
                Six hours a day.

                **2. Which pot size?**
                At least 20 litres.""";

        assertEquals(Optional.of(List.of(new FaqEntry("How much sun do tomatoes need?", "Six hours a day."),
                new FaqEntry("Which pot size?", "At least 20 litres."))), answers.faq(answer));
    }

    @Test
    void faqWithoutAnyPairIsUnusable() {
        assertEquals(Optional.empty(), answers.faq("Tomatoes are great."));
    }

    @Test
    void proseLosesAFenceAroundItAndTheRepeatedHeading() {
        assertEquals("Tomatoes love sun.\n\nWater daily.",
                ModelProse.prose("```\n**Light and water**\nTomatoes love sun.\n\nWater daily.\n```", "Light and water"));
        assertEquals("Tomatoes love sun.", ModelProse.prose("Tomatoes love sun.", "Light and water"));
    }
}
