package com.aicontent.ai.control;

import com.aicontent.ai.control.ChatCompletionRequest.Message;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.language.Language;

import java.util.List;
import java.util.Map;

/**
 * What the model is asked, in the article's language: a model told in Persian writes better Persian
 * than one told in English to "answer in Persian", and Persian prompts write their own numbers in
 * Persian digits and ask for Persian digits and punctuation back. Every text prompt that wants JSON
 * states the shape too, for servers that ignore {@code response_format}; the schemas set the item
 * counts ({@code minItems}/{@code maxItems}), which OpenAI's strict mode enforces. Sections are
 * Markdown, rendered through an allow-list for the reader.
 */
final class ArticlePrompts {

    /** The article text a summary prompt carries at most, so that long articles fit small local models. */
    static final int SUMMARY_SOURCE_LIMIT = 12_000;

    static final int MIN_KEYWORDS = 5;
    static final int MAX_KEYWORDS = 8;
    static final Map<String, Object> META_SCHEMA = object(Map.of(
            "title", Map.of("type", "string"),
            "description", Map.of("type", "string"),
            "keywords", array(Map.of("type", "string"), MIN_KEYWORDS, MAX_KEYWORDS)));

    private ArticlePrompts() {
    }

    static Map<String, Object> headingsSchema(int count) {
        return object(Map.of("headings", array(Map.of("type", "string"), count, count)));
    }

    static Map<String, Object> faqSchema(int count) {
        return object(Map.of("faq", array(
                object(Map.of("question", Map.of("type", "string"), "answer", Map.of("type", "string"))), count, count)));
    }

    static List<Message> headings(ArticleBrief brief) {
        String ask = switch (brief.language()) {
            case en -> """
                    Write the outline of an article titled "%s": exactly %s section headings, in reading order.
                    Each heading is short (at most 10 words), specific, and covers ground the others do not. No numbering.
                    Answer with JSON only: {"headings": ["...", "..."]}""";
            case fa -> """
                    طرح کلی مقاله‌ای با عنوان «%s» را بنویسید: دقیقاً %s عنوان بخش، به ترتیب خواندن.
                    هر عنوان کوتاه (حداکثر ۱۰ کلمه) و مشخص باشد و موضوعی را پوشش دهد که عنوان‌های دیگر پوشش نمی‌دهند. عنوان‌ها را شماره‌گذاری نکنید.
                    فقط با JSON پاسخ دهید: {"headings": ["...", "..."]}""";
        };
        return conversation(brief.language(), ask.formatted(brief.title(), number(brief.language(), brief.sections())));
    }

    static List<Message> section(ArticleBrief brief, List<String> outline, int index) {
        boolean first = index == 0;
        boolean last = index == outline.size() - 1;
        String ask = switch (brief.language()) {
            case en -> """
                    You are writing the article "%s". Its outline:
                    %s
                    Write section %s of %s, "%s": about 300 to 450 words in Markdown. Write paragraphs; where they help
                    the reader, add ### sub-headings, lists, **bold** or *italic* emphasis, and links to reputable sources
                    as [text](https://...). It is one part of the whole article and does not repeat what the other sections cover. %s
                    Answer with the text of this section only: do not repeat its heading; no images, no HTML, no remarks about the task.""".formatted(
                    brief.title(), numbered(brief.language(), outline), index + 1, outline.size(), outline.get(index),
                    first ? "As the first section, it may open the topic, but it does not summarise the article."
                            : last ? "As the last section, it may close the article."
                            : "It neither introduces nor concludes the article.");
            case fa -> """
                    در حال نوشتن مقاله «%s» هستید. طرح کلی آن:
                    %s
                    بخش %s از %s با عنوان «%s» را بنویسید: حدود ۳۰۰ تا ۴۵۰ کلمه با قالب Markdown. پاراگراف بنویسید و هر جا به خواننده
                    کمک می‌کند، زیرعنوان با ###، فهرست، تأکید **پررنگ** یا *مورب* و پیوند به منابع معتبر به شکل [متن](https://...) بیاورید.
                    این بخش جزئی از کل مقاله است و آنچه بخش‌های دیگر پوشش می‌دهند را تکرار نمی‌کند. %s
                    فقط متن همین بخش را بنویسید: عنوان بخش را تکرار نکنید؛ بدون تصویر، بدون HTML و بدون توضیح درباره کار.""".formatted(
                    brief.title(), numbered(brief.language(), outline), number(brief.language(), index + 1),
                    number(brief.language(), outline.size()), outline.get(index),
                    first ? "به عنوان بخش نخست، می‌تواند موضوع را آغاز کند، اما کل مقاله را خلاصه نمی‌کند."
                            : last ? "به عنوان بخش پایانی، می‌تواند مقاله را جمع‌بندی کند."
                            : "نه مقدمه کل مقاله است و نه نتیجه‌گیری آن.");
        };
        return conversation(brief.language(), ask);
    }

    static List<Message> summary(ArticleBrief brief, List<String> outline, List<String> sections) {
        String article = articleText(outline, sections);
        String ask = switch (brief.language()) {
            case en -> """
                    Here is the article "%s":

                    %s

                    Summarise the article in one paragraph of 3 to 5 sentences: plain prose, no heading, no markdown.""";
            case fa -> """
                    این مقاله «%s» است:

                    %s

                    مقاله را در یک پاراگراف ۳ تا ۵ جمله‌ای خلاصه کنید: نثر ساده، بدون عنوان و بدون مارک‌داون.""";
        };
        return conversation(brief.language(), ask.formatted(brief.title(), article));
    }

    static List<Message> meta(ArticleBrief brief, String summary) {
        String ask = switch (brief.language()) {
            case en -> """
                    Write the SEO meta data of the article "%s". Its summary:
                    %s

                    - title: at most 60 characters, the main topic first
                    - description: at most 160 characters, one or two sentences that make a reader want to click
                    - keywords: 5 to 8 short key phrases
                    Write them in English. Answer with JSON only: {"title": "...", "description": "...", "keywords": ["..."]}""";
            case fa -> """
                    فراداده سئوی مقاله «%s» را بنویسید. خلاصه مقاله:
                    %s

                    - title: حداکثر ۶۰ نویسه، با موضوع اصلی در ابتدا
                    - description: حداکثر ۱۶۰ نویسه، یک یا دو جمله که خواننده را به کلیک ترغیب کند
                    - keywords: ۵ تا ۸ عبارت کلیدی کوتاه
                    همه را به فارسی بنویسید. فقط با JSON پاسخ دهید: {"title": "...", "description": "...", "keywords": ["..."]}""";
        };
        return conversation(brief.language(), ask.formatted(brief.title(), summary));
    }

    static List<Message> faq(ArticleBrief brief, String summary, int count) {
        String ask = switch (brief.language()) {
            case en -> """
                    Write exactly %s frequently asked questions about the topic of the article "%s", with their answers. Its summary:
                    %s

                    Ask what a reader would really ask; answer in 1 to 3 sentences that stand on their own.
                    Answer with JSON only: {"faq": [{"question": "...", "answer": "..."}]}""";
            case fa -> """
                    دقیقاً %s پرسش متداول درباره موضوع مقاله «%s» را همراه با پاسخ آن‌ها بنویسید. خلاصه مقاله:
                    %s

                    پرسش‌هایی که خواننده واقعاً می‌پرسد؛ پاسخ‌هایی ۱ تا ۳ جمله‌ای که به تنهایی قابل فهم باشند.
                    فقط با JSON پاسخ دهید: {"faq": [{"question": "...", "answer": "..."}]}""";
        };
        return conversation(brief.language(), ask.formatted(number(brief.language(), count), brief.title(), summary));
    }

    /** Image models follow English best, whatever the article's language; the names stay as written. */
    static String image(ArticleBrief brief, String heading) {
        return ("An editorial illustration for the section \"%s\" of an article titled \"%s\"%s. "
                + "Clean and modern, with no text, letters or watermarks in the image.")
                .formatted(heading, brief.title(), brief.language() == Language.fa ? " (written in Persian)" : "");
    }

    static String imageAlt(ArticleBrief brief, String heading) {
        return switch (brief.language()) {
            case en -> "Illustration: " + heading;
            case fa -> "تصویر: " + heading;
        };
    }

    private static List<Message> conversation(Language language, String ask) {
        String writer = switch (language) {
            case en -> "You are an experienced writer of long-form web articles. "
                    + "You write clear, accurate, well-structured English for a general audience.";
            case fa -> "شما نویسنده‌ای باتجربه در نگارش مقاله‌های بلند وب هستید. "
                    + "به فارسی معیار، روان و دقیق برای مخاطب عام می‌نویسید. "
                    + "اعداد را با رقم‌های فارسی (۰ تا ۹) می‌نویسید و نشانه‌های سجاوندی فارسی (، ؛ ؟ « ») را به کار می‌برید.";
        };
        return List.of(Message.system(writer), Message.user(ask));
    }

    private static String numbered(Language language, List<String> outline) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < outline.size(); i++) {
            lines.append(number(language, i + 1)).append(". ").append(outline.get(i)).append('\n');
        }
        return lines.toString().stripTrailing();
    }

    /** A number as the language writes it: Persian prompts set the example of Persian digits. */
    static String number(Language language, int value) {
        String digits = Integer.toString(value);
        if (language != Language.fa) {
            return digits;
        }
        StringBuilder persian = new StringBuilder(digits.length());
        for (char digit : digits.toCharArray()) {
            persian.append(Character.isDigit(digit) ? (char) ('۰' + (digit - '0')) : digit);
        }
        return persian.toString();
    }

    /** The sections under their headings, each cut to its share of {@link #SUMMARY_SOURCE_LIMIT}. */
    static String articleText(List<String> outline, List<String> sections) {
        int share = Math.max(600, SUMMARY_SOURCE_LIMIT / Math.max(1, sections.size()));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sections.size(); i++) {
            String heading = i < outline.size() ? outline.get(i) : "";
            text.append("## ").append(heading).append("\n\n").append(cut(sections.get(i), share)).append("\n\n");
        }
        return text.toString().strip();
    }

    private static String cut(String text, int max) {
        String body = text == null ? "" : text.strip();
        if (body.length() <= max) {
            return body;
        }
        int space = body.lastIndexOf(' ', max);
        return body.substring(0, space > max / 2 ? space : max).strip() + " …";
    }

    private static Map<String, Object> object(Map<String, Object> properties) {
        return Map.of("type", "object",
                "properties", properties,
                "required", List.copyOf(properties.keySet()),
                "additionalProperties", false);
    }

    private static Map<String, Object> array(Map<String, Object> items, int min, int max) {
        return Map.of("type", "array", "items", items, "minItems", min, "maxItems", max);
    }
}
