package com.aicontent.monitoring.control;

import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.modelmbean.DescriptorSupport;
import javax.management.modelmbean.ModelMBeanAttributeInfo;
import javax.management.modelmbean.ModelMBeanInfoSupport;
import javax.management.modelmbean.RequiredModelMBean;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the monitoring counts on the platform MBeanServer between two deployments of the WAR, so a
 * redeploy does not reset them (a server restart does). The holder is the JDK's own
 * {@link RequiredModelMBean} with a map of JDK types: nothing in it comes from the WAR's class
 * loader, so leaving it registered after undeploy leaks nothing.
 */
public final class CarriedCounts {

    static final String ATTRIBUTE = "Counts";
    private static final Logger LOG = Logger.getLogger(CarriedCounts.class.getName());

    private final MBeanServer server;
    private final ObjectName name;

    public CarriedCounts(MBeanServer server, String domain) {
        this.server = server;
        try {
            this.name = new ObjectName(domain + ":type=CarriedCounts");
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** What the former deployment left, or an empty map. */
    public Map<String, Object> read() {
        try {
            if (server.isRegistered(name) && server.getAttribute(name, ATTRIBUTE) instanceof Map<?, ?> counts) {
                Map<String, Object> copy = new HashMap<>();
                counts.forEach((key, value) -> copy.put(String.valueOf(key), value));
                return copy;
            }
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the counts of the former deployment; starting from zero", e);
        }
        return Map.of();
    }

    /** Leaves the counts for the next deployment; values must be JDK types (Long, String, long[]). */
    public void keep(Map<String, Object> counts) {
        try {
            if (!server.isRegistered(name)) {
                server.registerMBean(holder(), name);
            }
            server.setAttribute(name, new Attribute(ATTRIBUTE, new HashMap<>(counts)));
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not keep the monitoring counts for the next deployment", e);
        }
    }

    /** A count as carried, 0 when the former deployment left none. */
    public static long number(Map<String, Object> counts, String key) {
        return counts.get(key) instanceof Number number ? number.longValue() : 0;
    }

    private static RequiredModelMBean holder() throws JMException {
        var descriptor = new DescriptorSupport("name=" + ATTRIBUTE, "descriptorType=attribute", "displayName=" + ATTRIBUTE);
        var attribute = new ModelMBeanAttributeInfo(ATTRIBUTE, Map.class.getName(),
                "monitoring counts kept over a redeploy of ai-content-generator", true, true, false, descriptor);
        var info = new ModelMBeanInfoSupport(RequiredModelMBean.class.getName(),
                "Counts of ai-content-generator kept between two deployments",
                new ModelMBeanAttributeInfo[]{attribute}, null, null, null);
        return new RequiredModelMBean(info);
    }
}
