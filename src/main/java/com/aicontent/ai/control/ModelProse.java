package com.aicontent.ai.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's prose as the reader should see it: without reasoning traces ({@code <think>}), a
 * fence around the whole answer, or the section's heading repeated on top. Also for text that is
 * still arriving, where a trace that has not closed yet shows nothing.
 */
final class ModelProse {

    static final Pattern THINKING = Pattern.compile("(?s)<think>.*?</think>");
    static final Pattern FENCE = Pattern.compile("(?s)```[a-zA-Z]*\\s*\\n?(.*?)```");

    private ModelProse() {
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

    /** Prose that is still being written: what {@link #prose} would show of it so far. */
    static String soFar(String text, String heading) {
        int open = text.indexOf("<think>");
        if (open >= 0 && text.indexOf("</think>", open) < 0) {
            return text.substring(0, open).strip();
        }
        return prose(text, heading);
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
}
