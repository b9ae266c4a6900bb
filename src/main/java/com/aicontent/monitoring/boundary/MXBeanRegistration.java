package com.aicontent.monitoring.boundary;

import com.aicontent.generation.boundary.GenerationActivity;
import com.aicontent.generation.boundary.Generations;
import com.aicontent.monitoring.control.CarriedCounts;
import com.aicontent.monitoring.control.GenerationStatistics;
import com.aicontent.progress.control.ProgressDocuments;
import com.aicontent.progress.control.StoreCounters;
import com.aicontent.progress.entity.ProgressStoreStatistics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts the MXBeans on the platform MBeanServer when the application starts and takes them off when
 * it stops, leaving the counts for the next deployment. JMX calls arrive on threads the server
 * knows nothing of, so every call runs in the application's context (class loader, JNDI,
 * transactions) through the {@link ContextService}.
 */
@ApplicationScoped
public class MXBeanRegistration {

    public static final String DOMAIN = "ai-content-generator";
    private static final Logger LOG = Logger.getLogger(MXBeanRegistration.class.getName());

    @Inject
    GenerationStatistics statistics;

    @Inject
    GenerationActivity activity;

    @Inject
    Generations generations;

    @Inject
    ProgressDocuments documents;

    @Inject
    StoreCounters counters;

    @Resource
    ContextService context;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();
    private ProgressStoreMonitor progressStore;
    private ExecutorMonitor executor;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        register();
    }

    synchronized void register() {
        if (!registered.isEmpty()) {
            return;
        }
        Map<String, Object> carried = new CarriedCounts(server, DOMAIN).read();
        statistics.add(carried);
        progressStore = new ProgressStoreMonitor(counters, documents, new ProgressStoreStatistics(
                CarriedCounts.number(carried, "progressStore.writes"), CarriedCounts.number(carried, "progressStore.reads"),
                CarriedCounts.number(carried, "progressStore.errors"), 0, 0));
        executor = new ExecutorMonitor(activity, CarriedCounts.number(carried, "executor.submitted"), CarriedCounts.number(carried, "executor.finished"));
        publish("Generations", GenerationsMXBean.class, new GenerationsMonitor(statistics, activity, generations, documents));
        publish("ProgressStore", ProgressStoreMXBean.class, progressStore);
        publish("Executor", ExecutorMXBean.class, executor);
        LOG.info(() -> "JMX: registered " + registered + (carried.isEmpty() ? "" : ", counts continued from the former deployment"));
    }

    void unregister(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        unregister();
    }

    @PreDestroy
    synchronized void unregister() {
        if (registered.isEmpty()) {
            return;
        }
        new CarriedCounts(server, DOMAIN).keep(counts());
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.log(Level.FINE, "unregistering " + name, e);
            }
        }
        LOG.info(() -> "JMX: unregistered " + registered);
        registered.clear();
    }

    private Map<String, Object> counts() {
        Map<String, Object> counts = new HashMap<>(statistics.toMap());
        counts.put("progressStore.writes", progressStore.getWrites());
        counts.put("progressStore.reads", progressStore.getReads());
        counts.put("progressStore.errors", progressStore.getErrors());
        counts.put("executor.submitted", executor.getTasksSubmitted());
        counts.put("executor.finished", executor.getTasksFinished());
        return counts;
    }

    private <T> void publish(String type, Class<T> mxBeanInterface, T monitor) {
        try {
            ObjectName name = new ObjectName(DOMAIN + ":type=" + type);
            if (server.isRegistered(name)) {
                // left by a deployment that did not stop cleanly, or by a second copy of the WAR
                LOG.warning(() -> "JMX: replacing the MXBean already registered as " + name);
                server.unregisterMBean(name);
            }
            T contextual = context.createContextualProxy(monitor, mxBeanInterface);
            server.registerMBean(new StandardMBean(contextual, mxBeanInterface, true), name);
            registered.add(name);
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "JMX: could not register " + type, e);
        }
    }
}
