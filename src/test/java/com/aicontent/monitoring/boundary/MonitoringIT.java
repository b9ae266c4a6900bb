package com.aicontent.monitoring.boundary;

import com.aicontent.BuiltWar;
import com.aicontent.ApiClient;
import com.aicontent.OpenApiDocument;
import com.aicontent.monitoring.control.PollingSelfTestCommand;
import com.aicontent.IntegrationTestIsolation;
import com.aicontent.progress.control.RedisFixture;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.OpenType;
import javax.management.remote.JMXConnector;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees on Payara Micro: the MXBeans through a remote JMX connection (as JConsole
 * attaches to a local process) and on the platform MBeanServer, health, and the polling self-test
 * against the live application.
 */
@ExtendWith(ArquillianExtension.class)
class MonitoringIT {

    static final String DOMAIN = "ai-content-generator";

    @Deployment
    static WebArchive war() {
        return BuiltWar.archive()
                .addClasses(MonitoringIT.class, JConsoleConnection.class, ApiClient.class, OpenApiDocument.class, PollingSelfTestCommand.class,
                        RedisFixture.class, IntegrationTestIsolation.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void theMXBeansAreOnThePlatformMBeanServerWithOpenTypesOnly() throws Exception {
        MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
        for (String type : new String[]{"Generations", "ProgressStore", "Executor"}) {
            ObjectName name = new ObjectName(DOMAIN + ":type=" + type);
            assertTrue(platform.isRegistered(name), name + " is registered");
            for (MBeanAttributeInfo attribute : platform.getMBeanInfo(name).getAttributes()) {
                assertInstanceOf(OpenType.class, attribute.getDescriptor().getFieldValue("openType"),
                        name + " " + attribute.getName() + " has an open type");
                platform.getAttribute(name, attribute.getName());
            }
        }
        var generations = JMX.newMXBeanProxy(platform, new ObjectName(DOMAIN + ":type=Generations"), GenerationsMXBean.class);
        assertTrue(generations.cancel("Unknown12345").startsWith("no generation Unknown12345"));
        assertTrue(generations.cancel("not a hash").startsWith("not a session hash"));
    }

    @Test
    @RunAsClient
    void jconsoleFollowsCountsAndCancelsAGenerationThroughARemoteJmxConnection() throws Exception {
        var api = new ApiClient(URI.create(base.toString()));
        String hash = api.start("Watched from JConsole", "en", 12, 12).getString("session_hash");
        String failing = api.start("Broken meta [demo-fail:meta]", "en", 1, 0).getString("session_hash");

        try (JMXConnector jmx = JConsoleConnection.toTheJvmRunning(new File(System.getProperty("payara.microJar")).getName(), hash)) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            ObjectName generations = new ObjectName(DOMAIN + ":type=Generations");
            assertEquals(Set.of(generations, new ObjectName(DOMAIN + ":type=ProgressStore"),
                    new ObjectName(DOMAIN + ":type=Executor")), server.queryNames(new ObjectName(DOMAIN + ":*"), null)
                    .stream().filter(name -> !name.getKeyProperty("type").equals("CarriedCounts")).collect(Collectors.toSet()));

            CompositeData[] active = (CompositeData[]) server.invoke(generations, "listActive", null, null);
            CompositeData row = Arrays.stream(active).filter(r -> hash.equals(r.get("sessionHash"))).findFirst()
                    .orElseThrow(() -> new AssertionError("listActive shows " + hash + ": " + Arrays.toString(active)));
            assertEquals("Watched from JConsole", row.get("title"));
            assertNotNull(row.get("step"));
            assertTrue((Integer) row.get("progress") >= 0);
            assertTrue((Long) row.get("ageSeconds") >= 0);
            assertTrue((Integer) server.getAttribute(generations, "Active") >= 1);

            String answer = (String) server.invoke(generations, "cancel", new Object[]{hash}, new String[]{String.class.getName()});
            assertEquals("cancelled " + hash, answer);
            assertEquals("cancelled", api.status(hash).getString("status"), "the API sees the cancel made through JMX");

            awaitTrue(() -> number(server, generations, "Cancelled") >= 1 && number(server, generations, "Failed") >= 1,
                    "the cancel and the failure are counted");
            assertTrue(number(server, generations, "Started") >= 2);
            assertTrue(((String) server.getAttribute(generations, "LastError")).contains("[" + failing + "]"));
            ObjectName store = new ObjectName(DOMAIN + ":type=ProgressStore");
            assertTrue(number(server, store, "Writes") > 0);
            assertTrue(number(server, store, "KeyCount") >= 2, "both generations' keys are counted");
            assertTrue(number(server, new ObjectName(DOMAIN + ":type=Executor"), "TasksSubmitted") > 0);
        }
    }

    @Test
    @RunAsClient
    void readinessIsUpWithRedisAndTheDatabaseAndLivenessWithTheExecutor() {
        var api = new ApiClient(URI.create(base.toString()));
        var ready = api.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("UP", check(ApiClient.json(ready.body()), "redis").getString("status"));
        assertEquals("UP", check(ApiClient.json(ready.body()), "database").getString("status"));
        var live = api.get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", check(ApiClient.json(live.body()), "generation-executor").getString("status"));
    }

    @Test
    @RunAsClient
    void theOpenApiDocumentDescribesEveryEndpointBodyAndProblem() {
        OpenApiDocument.assertDescribesTheApi(new ApiClient(URI.create(base.toString())));
    }

    @Test
    @RunAsClient
    void thePollingSelfTestPassesAgainstTheRunningApplicationAndRemovesItsKey() {
        RedisFixture store = connect();
        try {
            var out = new ByteArrayOutputStream();
            boolean passed = new PollingSelfTestCommand(URI.create(base.toString()), ApiClient.TOKEN, store, print(out))
                    .run(Optional.empty());
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(passed, printed);
            assertFalse(printed.contains("FAIL"), printed);
            assertTrue(printed.contains("PASS faq_generation"), printed);
            assertTrue(printed.contains("PASS cleaned up"), printed);
            assertTrue(printed.lines().reduce((first, second) -> second).orElseThrow().startsWith("Summary: all "), printed);
        } finally {
            store.close();
        }
    }

    @Test
    @RunAsClient
    void thePollingSelfTestFailsWithAClearMessageForAWrongToken() {
        String printed = selfTest(URI.create(base.toString()), "not-the-token");
        assertTrue(printed.contains("FAIL the application refused the token (HTTP 401)"), printed);
    }

    @Test
    @RunAsClient
    void thePollingSelfTestFailsWithAClearMessageForAWrongUrl() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = selfTest(URI.create("http://127.0.0.1:" + closedPort + "/"), ApiClient.TOKEN);
        assertTrue(unreachable.contains("FAIL cannot reach http://127.0.0.1:" + closedPort + "/api/ai-content-progress/"), unreachable);

        String wrongPath = selfTest(URI.create(base + "not-the-app/"), ApiClient.TOKEN);
        assertTrue(wrongPath.contains("expected HTTP 200, got 404"), wrongPath);
        assertTrue(wrongPath.contains("wrong URL"), wrongPath);
    }

    private static String selfTest(URI url, String token) {
        RedisFixture store = connect();
        try {
            var out = new ByteArrayOutputStream();
            boolean passed = new PollingSelfTestCommand(url, token, store, print(out)).run(Optional.empty());
            String printed = out.toString(StandardCharsets.UTF_8);
            assertFalse(passed, printed);
            assertTrue(printed.contains("Summary: "), printed);
            return printed;
        } finally {
            store.close();
        }
    }

    private static RedisFixture connect() {
        return RedisFixture.onTestRedis();
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private static JsonObject check(JsonObject health, String name) {
        JsonArray checks = health.getJsonArray("checks");
        return checks.stream().map(JsonObject.class::cast).filter(c -> name.equals(c.getString("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    private static long number(MBeanServerConnection server, ObjectName name, String attribute) {
        try {
            return ((Number) server.getAttribute(name, attribute)).longValue();
        } catch (Exception e) {
            throw new AssertionError("reading " + name + " " + attribute, e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting until " + what);
            }
            ApiClient.pause(Duration.ofMillis(100));
        }
    }
}
