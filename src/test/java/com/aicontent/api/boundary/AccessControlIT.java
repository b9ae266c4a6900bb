package com.aicontent.api.boundary;

import com.aicontent.IntegrationTestIsolation;
import com.aicontent.KeycloakServer;
import com.aicontent.PayaraMicroServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The sign-in and role contract on Payara Micro, started as the run command starts it, against the real Keycloak. */
class AccessControlIT extends AccessControlContract {

    private static final String ADMIN_TOKEN = "matrix-" + UUID.randomUUID();
    private static PayaraMicroServer server;

    @BeforeAll
    static void startPayaraSignedInAtKeycloak() throws Exception {
        Map<String, String> environment = serverEnvironment(KeycloakServer.shared(), ADMIN_TOKEN);
        environment.put("AI_PROVIDER", "demo");
        environment.put("AI_DEMO_DELAY_MS", "1000");
        environment.put("REDIS_URL", IntegrationTestIsolation.redisUrl());
        List<String> options = List.of("--addlibs", System.getProperty("payara.postgresqlJar", "target/postgresql.jar"),
                "--postbootcommandfile", System.getProperty("payara.postBootCommands"));
        server = new PayaraMicroServer(Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("it.war", "target/ai-content-generator.war")), Path.of("target", "access-control-it"),
                options, environment);
        server.start();
    }

    @AfterAll
    static void stopPayara() throws InterruptedException {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    protected URI base() {
        return server.baseUri();
    }

    @Override
    protected String adminToken() {
        return ADMIN_TOKEN;
    }

    @Override
    protected Path serverLog() {
        return server.log();
    }

    @Override
    protected String serverName() {
        return "payara";
    }
}
