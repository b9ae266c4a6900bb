package com.aicontent.panel.boundary;

import com.aicontent.IntegrationTestIsolation;
import com.aicontent.KeycloakServer;
import com.aicontent.PayaraMicroServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin panel's end-to-end scenarios (src/test/e2e: node --test driving Debian's Chromium
 * through playwright-core) against the real WAR on Payara Micro and the real Redis and
 * PostgreSQL (a fresh schema ai_content_panel_e2e_<n> of its own in the database test). Payara is started here rather than by Arquillian because one scenario stops the
 * server under a polling page and starts it again.
 *
 * System properties: {@code panel.e2e.screenshots} (where the scenarios save their screenshots,
 * default target/e2e/screenshots; point it at docs to refresh the README's pictures),
 * {@code panel.e2e.only} (run only the scenario files whose name contains this),
 * {@code panel.e2e.delayMs} (the demo model's delay per call: long enough that a run is still
 * going when a scenario reloads, cancels from a second tab or stops the server; the demo model's
 * parts run in parallel, so a run takes about six delays).
 */
class PanelE2EIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path E2E = PROJECT.resolve("src/test/e2e");
    private static final Path WORK = PROJECT.resolve("target/e2e");
    private static final long NODE_LIMIT_MINUTES = 30;

    /** A schema of the panel's own: the dashboard scenarios see only their own articles. */
    private static final String SCHEMA = IntegrationTestIsolation.own("ai_content_panel_e2e");
    private static final String ADMIN_TOKEN = "e2e-" + UUID.randomUUID();
    private static PayaraMicroServer server;
    private static ServerSwitch serverSwitch;

    @BeforeAll
    static void startServer() throws Exception {
        Path chromium = Path.of(System.getProperty("panel.e2e.chromium", "/usr/bin/chromium"));
        assertTrue(Files.isExecutable(chromium),
                chromium + " is missing: the panel's browser tests need Debian's chromium (apt-get install -y chromium)");
        Map<String, String> environment = new HashMap<>();
        environment.put("ADMIN_TOKEN", ADMIN_TOKEN);
        environment.put("AI_PROVIDER", "demo");
        environment.put("AI_DEMO_DELAY_MS", System.getProperty("panel.e2e.delayMs", "2000"));
        environment.put("REDIS_URL", IntegrationTestIsolation.redisUrl());
        // the panel signs in at the real Keycloak; the static token stays, as an operator's way in
        environment.put("OIDC_ISSUER", KeycloakServer.shared().issuer());
        environment.put("OIDC_CLIENT_ID", KeycloakServer.CLIENT);
        environment.put("OIDC_JWKS_MIN_REFETCH_SECONDS", "1");
        // the default datasource on PostgreSQL, as the Arquillian ITs and the run command have it
        List<String> options = List.of(
                "--addlibs", System.getProperty("payara.postgresqlJar", "target/postgresql.jar"),
                "--postbootcommandfile", IntegrationTestIsolation.postBootCommandsOnEmptySchema(SCHEMA).toString());
        server = new PayaraMicroServer(Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("it.war", "target/ai-content-generator.war")), WORK, options, environment);
        server.start();
        serverSwitch = new ServerSwitch(server);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (serverSwitch != null) {
            serverSwitch.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everyPanelScenarioPassesInHeadlessChromium() throws Exception {
        installNodeModulesIfMissing();
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec"));
        command.addAll(scenarioFiles());
        ProcessBuilder node = new ProcessBuilder(command).directory(E2E.toFile()).redirectErrorStream(true);
        node.environment().put("BASE_URL", server.baseUri().toString());
        node.environment().put("ADMIN_TOKEN", ADMIN_TOKEN);
        node.environment().put("KEYCLOAK_URL", KeycloakServer.shared().baseUri().toString());
        node.environment().put("SERVER_SWITCH_URL", serverSwitch.uri().toString());
        node.environment().put("SCREENSHOT_DIR",
                PROJECT.resolve(System.getProperty("panel.e2e.screenshots", "target/e2e/screenshots")).toString());
        node.environment().put("ARTIFACT_DIR", WORK.toString());
        assertEquals(0, run(node, WORK.resolve("node-test.log")), "panel scenarios failed, see target/e2e/node-test.log");
    }

    private static List<String> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(E2E.resolve("tests"))) {
            return files.map(path -> E2E.relativize(path).toString())
                    .filter(name -> name.endsWith(".test.mjs"))
                    .filter(name -> name.contains(System.getProperty("panel.e2e.only", "")))
                    .sorted()
                    .toList();
        }
    }

    private static void installNodeModulesIfMissing() throws Exception {
        if (Files.isDirectory(E2E.resolve("node_modules/playwright-core"))) {
            return;
        }
        ProcessBuilder npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(E2E.toFile()).redirectErrorStream(true);
        assertEquals(0, run(npm, WORK.resolve("npm-ci.log")), "npm ci failed in src/test/e2e, see target/e2e/npm-ci.log");
    }

    /** Runs a command, echoing its output to the build log and to a file, and returns its exit code. */
    private static int run(ProcessBuilder builder, Path log) throws Exception {
        Files.createDirectories(log.getParent());
        Process process = builder.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
            String line;
            while ((line = output.readLine()) != null) {
                System.out.println(line);
                file.println(line);
            }
        }
        if (!process.waitFor(NODE_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
