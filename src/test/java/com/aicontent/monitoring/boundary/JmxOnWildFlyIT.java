package com.aicontent.monitoring.boundary;

import com.aicontent.ApiClient;
import com.aicontent.wildfly.WildFlyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JConsole on WildFly: the same MXBeans, a cancel through JMX, and counts that outlive a redeploy of the WAR. */
@ExtendWith(WildFlyServer.class)
class JmxOnWildFlyIT {

    static final String WILDFLY = "jboss-modules.jar";

    @Test
    void jconsoleCancelsAGenerationAndTheCountsSurviveARedeploy(WildFlyServer wildfly) throws Exception {
        var api = new ApiClient(wildfly.baseUri());
        String hash = api.start("Cancelled from JConsole on WildFly", "en", 12, 12).getString("session_hash");
        ObjectName generations = new ObjectName(MXBeanRegistration.DOMAIN + ":type=Generations");
        long started;
        try (JMXConnector jmx = JConsoleConnection.toTheJvmRunning(WILDFLY, hash)) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            assertEquals("cancelled " + hash, server.invoke(generations, "cancel", new Object[]{hash},
                    new String[]{String.class.getName()}));
            assertEquals("cancelled", api.pollUntil(hash, ApiClient::terminal).getString("status"));
            started = number(server, generations, "Started");
            assertTrue(started >= 1);
        }

        wildfly.redeploy();

        String after = api.start("Started after the redeploy", "en", 12, 12).getString("session_hash");
        try (JMXConnector jmx = JConsoleConnection.toTheJvmRunning(WILDFLY, after)) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            assertEquals(started + 1, number(server, generations, "Started"), "the count went on from before the redeploy");
            assertTrue(number(server, generations, "Cancelled") >= 1, "the cancel before the redeploy is still counted");
            assertTrue(number(server, new ObjectName(MXBeanRegistration.DOMAIN + ":type=ProgressStore"), "Writes") > 0);
            server.invoke(generations, "cancel", new Object[]{after}, new String[]{String.class.getName()});
        }
    }

    private static long number(MBeanServerConnection server, ObjectName name, String attribute) throws Exception {
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }
}
