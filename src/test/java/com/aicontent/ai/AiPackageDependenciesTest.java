package com.aicontent.ai;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The model clients stand alone: {@code ai} imports nothing else of ours, so any feature may use it. */
class AiPackageDependenciesTest {

    @Test
    void theAiPackageImportsNoOtherPackageOfOurs() throws IOException {
        Path ai = Path.of("src/main/java/com/aicontent/ai");
        try (Stream<Path> files = Files.walk(ai)) {
            List<String> offending = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> lines(file).stream()
                            .filter(line -> line.startsWith("import com.aicontent.") && !line.startsWith("import com.aicontent.ai."))
                            .map(line -> ai.relativize(file) + ": " + line))
                    .toList();
            assertEquals(List.of(), offending);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}
