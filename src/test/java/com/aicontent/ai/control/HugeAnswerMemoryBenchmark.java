package com.aicontent.ai.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.language.Language;
import com.aicontent.ai.entity.ModelCallFailedException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures the memory the client takes while it refuses a 60 MB answer (run by hand, not a test):
 * peak heap used (the JVM's heap pools' peak usage, garbage included, reset just before) and peak
 * resident set size (VmHWM of /proc/self/status). With {@code whole} as argument, the same answer
 * is read the naive way (the JDK's {@code ofString}), for comparison.
 *
 * <pre>java -Xmx64m -cp ... com.aicontent.ai.control.HugeAnswerMemoryBenchmark [whole]</pre>
 */
public final class HugeAnswerMemoryBenchmark {

    static final long SIXTY_MB = 60L << 20;

    public static void main(String[] args) throws Exception {
        boolean whole = args.length > 0 && args[0].equals("whole");
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.behaviour().hugeAnswers(SIXTY_MB, false);
            System.gc();
            long rssBefore = kilobytes("VmRSS");
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long heapBefore = heapUsed();
            String outcome;
            if (whole) {
                outcome = readWhole(server);
            } else {
                try (OpenAiCompatibleModel model = new OpenAiCompatibleModel(
                        OpenAiSettingsBuilder.anOpenAiSettings(server.baseUrl()).build())) {
                    model.section(new ArticleBrief("Huge", Language.en, 1, 0), List.of("One"), 0, Cancellation.NEVER);
                    outcome = "read it all (unexpected)";
                } catch (ModelCallFailedException refused) {
                    outcome = "refused: " + refused.getMessage();
                }
            }
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf("mode=%s max heap=%d MiB%n", whole ? "whole (ofString)" : "client (AI_MAX_RESPONSE_BYTES=4 MiB)",
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("outcome: %s%n", outcome.length() > 200 ? outcome.substring(0, 200) + "…" : outcome);
            System.out.printf("server wrote %d bytes before the client stopped reading%n", server.hugeBytesSent());
            System.out.printf("heap used before: %d MiB, peak during: %d MiB%n", heapBefore >> 20, peakHeap >> 20);
            System.out.printf("RSS before: %d MiB, peak RSS (VmHWM) of the process: %d MiB%n", rssBefore >> 10, kilobytes("VmHWM") >> 10);
        }
    }

    private static String readWhole(FakeOpenAiServer server) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.baseUrl().resolve("/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return "read " + http.send(request, HttpResponse.BodyHandlers.ofString()).body().length() + " characters";
        } catch (OutOfMemoryError exhausted) {
            return "OutOfMemoryError";
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long kilobytes(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }
}
