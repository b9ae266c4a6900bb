package com.aicontent.progress.control;

import com.aicontent.language.Language;
import com.aicontent.progress.entity.PartKind;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every write reaches the Lua script as JSON that names its kind, in the fields the script reads. */
class ProgressJsonTest {

    final ProgressJson json = new ProgressJson();

    @Test
    void everyKindOfWriteNamesItsOp() {
        SessionHash hash = SessionHash.random();
        Map<ProgressWrite, String> expected = Map.of(
                new ProgressWrite.Create(ProgressDocument.pending(1, hash, "t", Language.fa, "m", 1, 0, "now")), "create",
                new ProgressWrite.Cancel(Map.of("en", "c"), "ada"), "cancel",
                ProgressWrite.Restart.of(Map.of("en", "r"), "ada"), "restart",
                new ProgressWrite.Begin(1, "b"), "begin",
                new ProgressWrite.EnterStep(1, Step.section_generation, "s"), "enter_step",
                new ProgressWrite.LeaveStep(1, Step.section_generation), "leave_step",
                new ProgressWrite.Outline(1, List.of(), List.of(), List.of()), "outline",
                new ProgressWrite.PartDone(1, PartKind.image, 2, "i"), "part_done",
                new ProgressWrite.Usage(1, 3, 4), "usage",
                new ProgressWrite.Complete(1, "c"), "complete");
        expected.forEach((write, op) -> {
            String text = json.write(write);
            assertTrue(text.startsWith("{\"op\":\"" + op + "\""), text);
        });
        assertTrue(json.write(new ProgressWrite.Fail(1, "e", "m")).startsWith("{\"op\":\"fail\""));
    }

    @Test
    void theFieldsAreNamedAsTheScriptReadsThem() {
        assertEquals("{\"op\":\"usage\",\"attempt\":1,\"completion_tokens\":4,\"prompt_tokens\":3}",
                json.write(new ProgressWrite.Usage(1, 3, 4)));
        String part = json.write(new ProgressWrite.PartDone(2, PartKind.section, 5, "m"));
        assertTrue(part.contains("\"part\":\"section\"") && part.contains("\"index\":5") && part.contains("\"attempt\":2"), part);
        String step = json.write(new ProgressWrite.EnterStep(1, Step.image_generation, "m"));
        assertTrue(step.contains("\"step\":\"image_generation\""), step);
        String create = json.write(new ProgressWrite.Create(ProgressDocument.pending(1, SessionHash.random(), "t", Language.fa, "m", 1, 0, "now")));
        assertTrue(create.contains("\"status\":\"pending\"") && create.contains("\"language\":\"fa\"") && create.contains("\"sections\":[]"), create);
    }
}
