package com.aicontent.content.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes model text fit the column it is saved in, so that no answer can break a database write:
 * characters PostgreSQL refuses (NUL) and other control characters go, short texts (headings,
 * keywords, titles, questions) are cut at a word and bodies (sections, summary, answers) at a
 * sentence, each marked with an ellipsis. A Java {@code char} counts as one character of the
 * column, so a text that fits by {@code length()} fits in VARCHAR(n) too.
 */
final class ColumnFit {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…؟。][»\"'”’)\\]*_]*(?=\\s)");
    private static final String ELLIPSIS = "…";

    private ColumnFit() {
    }

    /** Without the characters no column should hold; null stays null. */
    static String clean(String text) {
        return text == null ? null : CONTROL.matcher(text).replaceAll("");
    }

    /** At most {@code max} characters, cut after a whole word. */
    static String words(String text, int max) {
        String clean = clean(text);
        if (clean == null || clean.length() <= max) {
            return clean;
        }
        int room = max - ELLIPSIS.length();
        int space = lastSpace(clean, room);
        String head = space > room / 2 ? clean.substring(0, space) : clean.substring(0, safeEnd(clean, room));
        return head.strip() + ELLIPSIS;
    }

    /** At most {@code max} characters, cut after a whole sentence (or line), else after a word. */
    static String sentences(String text, int max) {
        String clean = clean(text);
        if (clean == null || clean.length() <= max) {
            return clean;
        }
        int room = max - ELLIPSIS.length();
        String window = clean.substring(0, safeEnd(clean, room + 1));
        int end = window.lastIndexOf('\n');
        Matcher sentence = SENTENCE_END.matcher(window);
        while (sentence.find()) {
            if (sentence.end() <= room) {
                end = Math.max(end, sentence.end());
            }
        }
        if (end > room / 2) {
            return clean.substring(0, end).strip() + " " + ELLIPSIS;
        }
        return words(clean, max);
    }

    private static int lastSpace(String text, int before) {
        for (int i = Math.min(before, text.length() - 1); i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code end}, moved back one when it would split a surrogate pair. */
    private static int safeEnd(String text, int end) {
        int bounded = Math.min(end, text.length());
        return bounded > 0 && Character.isHighSurrogate(text.charAt(bounded - 1)) ? bounded - 1 : bounded;
    }
}
