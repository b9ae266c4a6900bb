package com.aicontent.monitoring.boundary;

import com.aicontent.ApiClient;
import com.aicontent.BuiltWar;
import com.aicontent.IntegrationTestIsolation;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The polling self-test the three ways an operator runs it against a running Payara Micro: the API
 * call, the JMX operation (over a remote connection, as JConsole makes one), and the command of the
 * built WAR run with nothing but {@code java}. Each time all 32 checks pass and the key is gone.
 */
@ExtendWith(ArquillianExtension.class)
class PollingSelfTestIT {

    static final int CHECKS = 32;

    @Deployment(testable = false)
    static WebArchive war() {
        return BuiltWar.archive();
    }

    @ArquillianResource
    URL base;

    @Test
    void theApiCallRunsEveryCheckAgainstThisInstanceAndRemovesItsKey() {
        var api = api();
        var response = api.post("/api/polling-self-test", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject report = ApiClient.json(response.body());
        assertTrue(report.getBoolean("passed"), response.body());
        assertEquals("all " + CHECKS + " checks passed", report.getString("summary"));
        assertEquals(CHECKS, report.getJsonArray("checks").size());
        for (JsonObject check : report.getJsonArray("checks").getValuesAs(JsonObject.class)) {
            assertEquals("PASS", check.getString("result"), check.toString());
            assertFalse(check.getString("check").isBlank());
            assertTrue(check.getJsonNumber("millis").longValue() >= 0);
        }
        assertTrue(report.getString("redis").startsWith("Redis at 127.0.0.1:6379"), report.getString("redis"));
        assertEquals(404, api.get("/api/ai-content-progress/" + report.getString("session_hash") + "/status").statusCode(),
                "the simulated session is removed");
    }

    @Test
    void aSessionOfTheCallersChoosingIsUsedAndAMalformedOrExistingOneIsAProblem() {
        var api = api();
        JsonObject chosen = ApiClient.json(api.post("/api/polling-self-test?session=SelfTest0001", null).body());
        assertEquals("SelfTest0001", chosen.getString("session_hash"));
        assertTrue(chosen.getBoolean("passed"), chosen.toString());

        problem(api.post("/api/polling-self-test?session=not*a*hash", null), 400, "session must be 12 characters");
        String running = api.start("Not to be touched by the self-test", "en", 1, 0).getString("session_hash");
        problem(api.post("/api/polling-self-test?session=" + running, null), 409, "exists already");
        problem(api.send(HttpRequest.newBuilder(api.base().resolve("api/polling-self-test"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()), 401, "admin token");
    }

    @Test
    void jconsoleRunsTheSelfTestOnTheInstanceAndShowsTheReportAsATable() throws Exception {
        api().get("/api/ai-content?limit=1"); // any request tells the instance its own address
        try (JMXConnector jmx = JConsoleConnection.toTheJvmWithProperty(new File(System.getProperty("payara.microJar")).getName(),
                "REDIS_URL", IntegrationTestIsolation.redisUrl())) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            CompositeData report = (CompositeData) server.invoke(new ObjectName(MXBeanRegistration.DOMAIN + ":type=PollingSelfTest"),
                    "run", null, null);
            CompositeData[] checks = (CompositeData[]) report.get("checks");
            assertTrue((Boolean) report.get("passed"), Arrays.toString(checks));
            assertEquals(CHECKS, checks.length);
            assertTrue(Arrays.stream(checks).allMatch(check -> "PASS".equals(check.get("result"))));
            assertEquals(404, api().get("/api/ai-content-progress/" + report.get("sessionHash") + "/status").statusCode());
        }
    }

    @Test
    void theBuiltWarRunsTheSelfTestWithNothingButJava() throws Exception {
        Run run = java("self-test", "--url", base.toString(), "--redis", IntegrationTestIsolation.redisUrl(), "--json");
        assertEquals(0, run.status(), run.output());
        JsonObject report = ApiClient.json(run.output());
        assertTrue(report.getBoolean("passed"), run.output());
        assertEquals(CHECKS, report.getJsonArray("checks").size());
        assertEquals(404, api().get("/api/ai-content-progress/" + report.getString("session_hash") + "/status").statusCode());
    }

    @Test
    void aRedisThatDoesNotAnswerIsToldInWordsAnOperatorUnderstands() throws Exception {
        int closed = closedPort();
        Run run = java("self-test", "--url", base.toString(), "--redis", "redis://127.0.0.1:" + closed);
        assertEquals(1, run.status(), run.output());
        assertTrue(run.output().contains("FAIL Redis at 127.0.0.1:" + closed + " did not answer: is it running"), run.output());
        for (String javaWords : List.of("Exception", "redis.clients", "jedis", "at com.", "java.")) {
            assertFalse(run.output().contains(javaWords), "no " + javaWords + " in: " + run.output());
        }
        assertTrue(run.output().lines().reduce((first, last) -> last).orElseThrow().startsWith("Summary: 1 of 1 checks failed"), run.output());
    }

    @Test
    void aWrongTokenAndAWrongUrlAreToldInWords() throws Exception {
        String wrongToken = command(base.toString(), "not-the-token", 1);
        assertTrue(wrongToken.contains("FAIL the application refused the token (HTTP 401)"), wrongToken);

        int closed = closedPort();
        String unreachable = command("http://127.0.0.1:" + closed + "/", ApiClient.TOKEN, 1);
        assertTrue(unreachable.contains("FAIL cannot reach http://127.0.0.1:" + closed + "/api/ai-content-progress/"), unreachable);

        String wrongPath = command(base + "not-the-app/", ApiClient.TOKEN, 1);
        assertTrue(wrongPath.contains("expected 404 for a session not yet in Redis, got HTTP 401")
                || wrongPath.contains("expected HTTP 200, got 404"), wrongPath);

        String noUrl = command("localhost:8080", ApiClient.TOKEN, 2);
        assertTrue(noUrl.contains("--url must be the application's address"), noUrl);
    }

    /** The command in this JVM, which has the same classes: quicker than a process for what needs no WAR. */
    private String command(String url, String token, int expectedStatus) {
        var out = new ByteArrayOutputStream();
        var print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = PollingSelfTestCommand.execute(new String[]{"--url", url, "--redis", IntegrationTestIsolation.redisUrl()},
                Map.of("ADMIN_TOKEN", token), print, print);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(expectedStatus, status, printed);
        return printed;
    }

    record Run(int status, String output) {
    }

    /** {@code java -jar <the built WAR> ...} in an empty directory, with the token in the environment only. */
    private static Run java(String... args) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "self-test-");
        Path output = directory.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("it.war")).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().put("ADMIN_TOKEN", ApiClient.TOKEN);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end within 2 minutes: " + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static void problem(HttpResponse<String> response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(ApiClient.json(response.body()).getString("detail").contains(detail), response.body());
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ApiClient api() {
        return new ApiClient(URI.create(base.toString()));
    }
}
