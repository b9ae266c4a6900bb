package com.aicontent.generation.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.language.Language;
import com.aicontent.progress.entity.SessionHash;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GenerationRunTest {

    @Test
    void aRunLabelsTheModelCallsItWatchesWithItsSessionHash() {
        SessionHash hash = new SessionHash("Ab3dEf6hIj9k");
        GenerationRun run = new GenerationRun(hash, 7, 1, new ArticleBrief("Tomatoes", Language.en, 1, 0));

        assertEquals("Ab3dEf6hIj9k", run.label());
    }
}
