package com.aicontent.ai.control;

import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.FaqEntry;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the headings, meta data and FAQ out of a model's answer. Servers that honour
 * {@code response_format} answer exactly the JSON asked for; many local ones wrap it in a
 * markdown fence, talk around it, or answer a list in prose. This takes the JSON where it can
 * find it, then the prose, and says what it could not use.
 */
final class StructuredAnswers {

    private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?</think>");
    private static final Pattern FENCE = Pattern.compile("(?s)```[a-zA-Z]*\\s*\\n?(.*?)```");
    private static final Pattern LIST_ITEM = Pattern.compile(
            "^\\s*(?:(?:[0-9۰-۹]+[.)\\-:]|[-*•]|#{1,6})\\s*)+(.+)$");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:[0-9۰-۹]+[.)\\-:]|[-*•])\\s*");
    private static final Pattern LABELLED = Pattern.compile(
            "^\\s*[*_#>\\-\\s]*(?:[0-9۰-۹]+[.)]\\s*)?([\\p{L} ‌]{1,30}?)\\s*[*_]*\\s*[:：]\\s*[*_]*\\s*(.*)$");

    private final Jsonb jsonb;

    StructuredAnswers(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /** Exactly {@code expected} headings; more are cut, fewer are a failure. */
    Optional<List<String>> headings(String answer, int expected) {
        List<String> found = fromJson(answer).map(StructuredAnswers::headingsIn).orElse(List.of());
        if (found.size() < expected) {
            List<String> prose = headingsInProse(answer);
            if (prose.size() > found.size()) {
                found = prose;
            }
        }
        return found.size() < expected ? Optional.empty() : Optional.of(List.copyOf(found.subList(0, expected)));
    }

    /** The meta data as the model wrote it; the caller applies the length limits. */
    Optional<ArticleMeta> meta(String answer) {
        Optional<ArticleMeta> json = fromJson(answer).flatMap(StructuredAnswers::metaIn);
        return json.isPresent() ? json : metaInProse(answer);
    }

    /** Up to {@code expected} pairs; fewer are kept, none is a failure. */
    Optional<List<FaqEntry>> faq(String answer, int expected) {
        List<FaqEntry> found = fromJson(answer).map(StructuredAnswers::faqIn).orElse(List.of());
        if (found.isEmpty()) {
            found = faqInProse(answer);
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(found.subList(0, Math.min(expected, found.size()))));
    }

    /** Prose as the reader should see it: without reasoning traces, fences around it or a repeated heading. */
    static String prose(String answer, String heading) {
        String text = withoutThinking(answer).strip();
        Matcher fence = FENCE.matcher(text);
        if (fence.matches()) {
            text = fence.group(1).strip();
        }
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (!lines.isEmpty() && heading != null && looksLikeHeadingLine(lines.getFirst(), heading)) {
            lines.removeFirst();
        }
        return String.join("\n", lines).strip();
    }

    static String withoutThinking(String answer) {
        String text = answer == null ? "" : THINKING.matcher(answer).replaceAll("");
        int unclosed = text.indexOf("</think>");
        return unclosed >= 0 ? text.substring(unclosed + "</think>".length()) : text;
    }

    private static boolean looksLikeHeadingLine(String line, String heading) {
        String bare = line.replaceAll("^[#*\\s]+|[*\\s:]+$", "");
        return bare.equalsIgnoreCase(heading.strip()) || (line.startsWith("#") && bare.length() < 120);
    }

    private Optional<Object> fromJson(String answer) {
        String text = withoutThinking(answer).strip();
        List<String> candidates = new ArrayList<>();
        candidates.add(text);
        Matcher fences = FENCE.matcher(text);
        while (fences.find()) {
            candidates.add(fences.group(1).strip());
        }
        candidates.add(between(text, '{', '}'));
        candidates.add(between(text, '[', ']'));
        for (String candidate : new LinkedHashSet<>(candidates)) {
            if (candidate.isEmpty() || !(candidate.startsWith("{") || candidate.startsWith("["))) {
                continue;
            }
            try {
                Object parsed = jsonb.fromJson(candidate, Object.class);
                if (parsed != null) {
                    return Optional.of(parsed);
                }
            } catch (JsonbException | IllegalArgumentException notJson) {
                // try the next candidate
            }
        }
        return Optional.empty();
    }

    private static String between(String text, char open, char close) {
        int start = text.indexOf(open);
        int end = text.lastIndexOf(close);
        return start >= 0 && end > start ? text.substring(start, end + 1) : "";
    }

    private static List<String> headingsIn(Object json) {
        Optional<List<?>> list = listIn(json, "headings", "outline", "sections", "titles");
        List<String> headings = new ArrayList<>();
        for (Object item : list.orElse(List.of())) {
            Object value = item instanceof Map<?, ?> map ? field(map, "heading", "title", "name", "text") : item;
            if (value instanceof String text && !text.isBlank()) {
                headings.add(cleanHeading(text));
            }
        }
        return headings;
    }

    private static List<String> headingsInProse(String answer) {
        List<String> items = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String line : withoutThinking(answer).lines().toList()) {
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
        return plain.stream().allMatch(line -> line.length() <= 120 && !line.endsWith(":")) ? plain : List.of();
    }

    /** Without list numbering, markdown emphasis or quotes, whichever order the model nested them in. */
    private static String cleanHeading(String text) {
        String bare = unquote(text);
        bare = NUMBERING.matcher(bare).replaceFirst("");
        return unquote(bare);
    }

    private static String unquote(String text) {
        return text.replaceAll("^[\\s*_\"'«“]+|[\\s*_\"'»”]+$", "").strip();
    }

    private static Optional<ArticleMeta> metaIn(Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        Object nested = field(map, "meta", "seo");
        Map<?, ?> fields = nested instanceof Map<?, ?> inner ? inner : map;
        Object title = field(fields, "title", "meta_title", "metaTitle");
        Object description = field(fields, "description", "meta_description", "metaDescription");
        if (!(title instanceof String t) || t.isBlank() || !(description instanceof String d) || d.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ArticleMeta(t.strip(), d.strip(), keywords(field(fields, "keywords", "tags"))));
    }

    private static Optional<ArticleMeta> metaInProse(String answer) {
        String title = null;
        String description = null;
        List<String> keywords = List.of();
        for (String line : withoutThinking(answer).lines().toList()) {
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

    private static List<String> keywords(Object value) {
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

    private static List<FaqEntry> faqIn(Object json) {
        List<FaqEntry> entries = new ArrayList<>();
        for (Object item : listIn(json, "faq", "faqs", "questions", "items").orElse(List.of())) {
            if (item instanceof Map<?, ?> map
                    && field(map, "question", "q") instanceof String question && !question.isBlank()
                    && field(map, "answer", "a") instanceof String answer && !answer.isBlank()) {
                entries.add(new FaqEntry(question.strip(), answer.strip()));
            }
        }
        return entries;
    }

    /**
     * Pairs written as "Q: ... / A: ..." (or Question/Answer, پرسش/پاسخ, سوال/جواب), or as a question
     * line ending in "?" followed by its answer.
     */
    private static List<FaqEntry> faqInProse(String answer) {
        List<FaqEntry> entries = new ArrayList<>();
        String question = null;
        StringBuilder reply = new StringBuilder();
        for (String line : withoutThinking(answer).lines().toList()) {
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

    /** The list itself, the list under one of {@code names}, or the only list among the fields. */
    private static Optional<List<?>> listIn(Object json, String... names) {
        if (json instanceof List<?> list) {
            return Optional.of(list);
        }
        if (!(json instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        if (field(map, names) instanceof List<?> named) {
            return Optional.of(named);
        }
        List<List<?>> lists = map.values().stream().filter(List.class::isInstance).<List<?>>map(List.class::cast).toList();
        return lists.size() == 1 ? Optional.of(lists.getFirst()) : Optional.empty();
    }

    private static Object field(Map<?, ?> map, String... names) {
        for (String name : names) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (name.equalsIgnoreCase(String.valueOf(entry.getKey()))) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }
}
