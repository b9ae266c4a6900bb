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


    private final Jsonb jsonb;

    StructuredAnswers(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /**
     * The headings the answer holds, as many as the model wrote: from its JSON, or from a list in
     * prose when that holds more than the JSON did of the {@code expected} ones. Empty when the
     * answer is neither JSON nor a list.
     */
    Optional<List<String>> headings(String answer, int expected) {
        Optional<Object> json = fromJson(answer);
        List<String> found = json.map(StructuredAnswers::headingsIn).orElse(List.of());
        String bare = ModelProse.withoutThinking(answer).strip();
        boolean jsonOnly = json.isPresent() && (bare.startsWith("{") || bare.startsWith("["));
        if (found.size() < expected && !jsonOnly) {
            List<String> prose = ListsInProse.headings(answer);
            if (prose.size() > found.size()) {
                return Optional.of(prose);
            }
        }
        return json.isPresent() || !found.isEmpty() ? Optional.of(found) : Optional.empty();
    }

    /** The meta data as the model wrote it; the caller applies the length and count limits. */
    Optional<ArticleMeta> meta(String answer) {
        Optional<ArticleMeta> json = fromJson(answer).flatMap(StructuredAnswers::metaIn);
        return json.isPresent() ? json : ListsInProse.meta(answer);
    }

    /** The question and answer pairs the answer holds, as many as the model wrote; empty when it is neither JSON nor a list. */
    Optional<List<FaqEntry>> faq(String answer) {
        Optional<Object> json = fromJson(answer);
        List<FaqEntry> found = json.map(StructuredAnswers::faqIn).orElse(List.of());
        if (found.isEmpty()) {
            List<FaqEntry> prose = ListsInProse.faq(answer);
            if (!prose.isEmpty() || json.isEmpty()) {
                return prose.isEmpty() ? Optional.empty() : Optional.of(prose);
            }
        }
        return Optional.of(found);
    }




    private Optional<Object> fromJson(String answer) {
        String text = ModelProse.withoutThinking(answer).strip();
        List<String> candidates = new ArrayList<>();
        candidates.add(text);
        Matcher fences = ModelProse.FENCE.matcher(text);
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
                headings.add(ListsInProse.cleanHeading(text));
            }
        }
        return headings;
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
        return Optional.of(new ArticleMeta(t.strip(), d.strip(), ListsInProse.keywords(field(fields, "keywords", "tags"))));
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
