package com.aicontent.ai.control;

import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.FaqEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists that a model wrote in prose instead of the JSON it was asked for: numbered or bulleted
 * headings, "Title: ... / Description: ..." meta data, "Q: ... / A: ..." pairs, in English or
 * Persian, with whatever numbering, emphasis or quotes the model put around them.
 */
final class ListsInProse {

    private static final Pattern LIST_ITEM = Pattern.compile(
            "^\\s*(?:(?:[0-9۰-۹]+[.)\\-:]|[-*•]|#{1,6})\\s*)+(.+)$");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:[0-9۰-۹]+[.)\\-:]|[-*•])\\s*");
    private static final Pattern LABELLED = Pattern.compile(
            "^\\s*[*_#>\\-\\s]*(?:[0-9۰-۹]+[.)]\\s*)?([\\p{L} ‌]{1,30}?)\\s*[*_]*\\s*[:：]\\s*[*_]*\\s*(.*)$");

    private ListsInProse() {
    }

    static List<String> headings(String answer) {
        List<String> items = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String line : ModelProse.withoutThinking(answer).lines().toList()) {
            if (line.isBlank() || line.strip().startsWith("```")) {
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches()) {
                items.add(cleanHeading(item.group(1)));
            } else {
                plain.add(cleanHeading(line));
            }
        }
        if (!items.isEmpty()) {
            return items;
        }
        // a bare list, one heading a line, and nothing else
        return plain.stream().allMatch(line -> line.length() <= 120 && !line.endsWith(":") && !line.endsWith(".")) ? plain : List.of();
    }

    static Optional<ArticleMeta> meta(String answer) {
        String title = null;
        String description = null;
        List<String> keywords = List.of();
        for (String line : ModelProse.withoutThinking(answer).lines().toList()) {
            Matcher labelled = LABELLED.matcher(line);
            if (!labelled.matches() || labelled.group(2).isBlank()) {
                continue;
            }
            String label = labelled.group(1).strip().toLowerCase(Locale.ROOT).replace('‌', ' ');
            String value = unquote(labelled.group(2));
            if (title == null && (label.endsWith("title") || label.equals("عنوان") || label.equals("عنوان متا"))) {
                title = value;
            } else if (description == null && (label.endsWith("description") || label.startsWith("توضیح")
                    || label.equals("شرح") || label.equals("توصیف"))) {
                description = value;
            } else if (label.endsWith("keywords") || label.startsWith("کلمات کلیدی") || label.startsWith("کلیدواژه")) {
                keywords = keywords(value);
            }
        }
        if (title == null || title.isBlank() || description == null || description.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ArticleMeta(title, description, keywords));
    }

    /**
     * Pairs written as "Q: ... / A: ..." (or Question/Answer, پرسش/پاسخ, سوال/جواب), or as a question
     * line ending in "?" followed by its answer.
     */
    static List<FaqEntry> faq(String answer) {
        List<FaqEntry> entries = new ArrayList<>();
        String question = null;
        StringBuilder reply = new StringBuilder();
        for (String line : ModelProse.withoutThinking(answer).lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            Matcher labelled = LABELLED.matcher(line);
            String label = labelled.matches() ? labelled.group(1).strip().toLowerCase(Locale.ROOT) : "";
            String bare = cleanHeading(line);
            if (isQuestionLabel(label) || (!isAnswerLabel(label) && (bare.endsWith("?") || bare.endsWith("؟")))) {
                add(entries, question, reply);
                question = isQuestionLabel(label) ? cleanHeading(labelled.group(2)) : bare;
                reply.setLength(0);
            } else if (question != null) {
                String text = isAnswerLabel(label) ? labelled.group(2) : line;
                reply.append(reply.isEmpty() ? "" : " ").append(text.strip());
            }
        }
        add(entries, question, reply);
        return entries;
    }

    /** Without list numbering, markdown emphasis or quotes, whichever order the model nested them in. */
    static String cleanHeading(String text) {
        String bare = unquote(text);
        bare = NUMBERING.matcher(bare).replaceFirst("");
        return unquote(bare);
    }

    private static String unquote(String text) {
        return text.replaceAll("^[\\s*_\"'«“]+|[\\s*_\"'»”]+$", "").strip();
    }

    static List<String> keywords(Object value) {
        List<String> keywords = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            for (Object item : list) {
                if (item != null && !String.valueOf(item).isBlank()) {
                    keywords.add(String.valueOf(item).strip());
                }
            }
        } else if (value instanceof String text) {
            for (String part : text.split("[,،;؛]")) {
                if (!part.isBlank()) {
                    keywords.add(part.strip());
                }
            }
        }
        return List.copyOf(keywords);
    }

    private static boolean isQuestionLabel(String label) {
        return label.equals("q") || label.equals("question") || label.equals("پرسش") || label.equals("سوال")
                || label.equals("سؤال");
    }

    private static boolean isAnswerLabel(String label) {
        return label.equals("a") || label.equals("answer") || label.equals("پاسخ") || label.equals("جواب");
    }

    private static void add(List<FaqEntry> entries, String question, StringBuilder reply) {
        String answer = reply.toString().replaceAll("^[\\s*_]+|[\\s*_]+$", "").strip();
        if (question != null && !question.isBlank() && !answer.isBlank()) {
            entries.add(new FaqEntry(question, answer));
        }
    }
}
