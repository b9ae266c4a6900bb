package com.aicontent.ai.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A text the model stopped mid-flow ends where a reader would accept it: after a sentence or a whole line. */
class ProseEndTest {

    @Test
    void aTextCutMidWordEndsAfterItsLastSentence() {
        assertEquals("Tomatoes love sun. They need water.", ProseEnd.atLastSentence("Tomatoes love sun. They need water. Every da"));
    }

    @Test
    void aCompleteLineCountsAsAnEndToo() {
        assertEquals("Intro.\n\n- six hours of sun\n- water daily",
                ProseEnd.atLastSentence("Intro.\n\n- six hours of sun\n- water daily\n- feed every tw"));
    }

    @Test
    void persianSentencesEndAtTheirQuestionMarkAndQuotes() {
        assertEquals("گوجه نور می‌خواهد؟ «بله.»", ProseEnd.atLastSentence("گوجه نور می‌خواهد؟ «بله.» روزی ش"));
    }

    @Test
    void aTextWithoutAnyEndStopsAfterItsLastWholeWord() {
        assertEquals("one two…", ProseEnd.atLastSentence("one two thr"));
    }
}
