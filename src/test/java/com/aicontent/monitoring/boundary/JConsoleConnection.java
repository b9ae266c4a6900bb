package com.aicontent.monitoring.boundary;

import com.aicontent.monitoring.entity.ActiveGeneration;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A remote JMX connection to a server on this machine, opened the way JConsole opens one to a local
 * process: attach, start the JVM's local management agent, connect over RMI. No JMX port has to be
 * configured, and no test shares one with another.
 */
final class JConsoleConnection {

    private JConsoleConnection() {
    }

    /** Of the JVMs whose command line names {@code program}, connects to the one running {@code sessionHash}. */
    static JMXConnector toTheJvmRunning(String program, String sessionHash) throws Exception {
        for (VirtualMachineDescriptor candidate : VirtualMachine.list()) {
            if (!candidate.displayName().contains(program)) {
                continue;
            }
            VirtualMachine vm = VirtualMachine.attach(candidate);
            try {
                JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
                if (runs(connector.getMBeanServerConnection(), sessionHash)) {
                    return connector;
                }
                connector.close();
            } finally {
                vm.detach();
            }
        }
        throw new AssertionError("no JVM running " + program + " runs generation " + sessionHash);
    }

    /** Of the JVMs whose command line names {@code program}, connects to the one started with {@code -Dname=value}. */
    static JMXConnector toTheJvmWithProperty(String program, String name, String value) throws Exception {
        for (VirtualMachineDescriptor candidate : VirtualMachine.list()) {
            if (!candidate.displayName().contains(program)) {
                continue;
            }
            VirtualMachine vm = VirtualMachine.attach(candidate);
            try {
                if (value.equals(vm.getSystemProperties().getProperty(name))) {
                    return JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
                }
            } finally {
                vm.detach();
            }
        }
        throw new AssertionError("no JVM running " + program + " has -D" + name + "=" + value);
    }

    private static boolean runs(MBeanServerConnection server, String sessionHash) {
        try {
            var generations = JMX.newMXBeanProxy(server, new ObjectName(MXBeanRegistration.DOMAIN + ":type=Generations"),
                    GenerationsMXBean.class);
            return generations.listActive().stream().map(ActiveGeneration::sessionHash).anyMatch(sessionHash::equals);
        } catch (Exception notOurs) {
            return false;
        }
    }
}
