package com.aicontent.ai.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a text that a model stopped in mid-flow can end: after its last full sentence or its last
 * complete line (a list item, a sub-heading), so that nothing is kept that stops in the middle of
 * a word.
 */
final class ProseEnd {

    /** A sentence end in English or Persian, with the quotes, brackets or emphasis that close it. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…؟。][»\"'”’)\\]*_]*(?=\\s|$)");

    private ProseEnd() {
    }

    static String atLastSentence(String text) {
        String body = text.stripTrailing();
        int end = body.lastIndexOf('\n');
        Matcher sentence = SENTENCE_END.matcher(body);
        while (sentence.find()) {
            end = Math.max(end, sentence.end());
        }
        if (end > 0) {
            return body.substring(0, end).strip();
        }
        int space = body.lastIndexOf(' ');
        return (space > 0 ? body.substring(0, space) : body).strip() + "…";
    }
}
