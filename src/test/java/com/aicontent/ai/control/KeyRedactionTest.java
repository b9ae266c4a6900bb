package com.aicontent.ai.control;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What servers say passes through here before an admin or a log sees it. */
class KeyRedactionTest {

    final KeyRedaction redaction = new KeyRedaction(Optional.of("my-own-key-1234"));

    @Test
    void theConfiguredKeyIsHiddenWhereverItAppears() {
        assertEquals("bad key [redacted] (again: [redacted])", redaction.apply("bad key my-own-key-1234 (again: my-own-key-1234)"));
    }

    @Test
    void anythingShapedLikeAnOpenAiKeyIsHiddenToo() {
        assertEquals("Incorrect API key provided: [redacted].",
                redaction.apply("Incorrect API key provided: sk-proj-abc*********************xyz1."));
    }

    @Test
    void anExcerptIsOneShortLineAndRedacted() {
        // redacted before it is cut, so no half key survives the cut
        assertEquals("line one line two [re…", redaction.excerpt("line one\n\nline two my-own-key-1234", 21));
        assertEquals("(nothing)", redaction.excerpt("  ", 10));
    }
}
