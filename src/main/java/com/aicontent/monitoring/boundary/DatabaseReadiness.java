package com.aicontent.monitoring.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Articles live in the database: not ready while a connection from the default datasource is not valid.
 * The answer is public, so a failure names only the exception's type; its message (host, user and
 * database names) goes to the server log.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /**
     * Created at deployment, where the server resolves its {@code @Resource}: WildFly calls health
     * checks on a management thread, on which a {@code java:comp}/{@code java:app} name is unknown.
     */
    void createdAtStartup(@Observes Startup startup) {
        // nothing to do: observing the event is what creates the bean
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(TIMEOUT_SECONDS);
            return new HealthCheckResponse("database", valid ? Status.UP : Status.DOWN,
                    Optional.of(Map.of("product", connection.getMetaData().getDatabaseProductName())));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Readiness: the database cannot be used: {0}", String.valueOf(e));
            return new HealthCheckResponse("database", Status.DOWN,
                    Optional.of(Map.of("error", e.getClass().getSimpleName())));
        }
    }
}
