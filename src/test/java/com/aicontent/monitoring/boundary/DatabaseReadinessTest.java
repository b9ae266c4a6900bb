package com.aicontent.monitoring.boundary;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseReadinessTest {

    @Test
    void anUnreachableDatabaseIsReportedByTheExceptionTypeOnlyNotByItsHostUserOrDatabaseNames() {
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.dataSource = refusing(new SQLException(
                "FATAL: password authentication failed for user \"articles_admin\" at db.internal.example:5432/articles"));

        HealthCheckResponse response = readiness.call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(Map.of("error", "SQLException"), response.getData().orElseThrow());
    }

    /** A datasource whose every connection attempt fails as {@code failure} says. */
    private static DataSource refusing(SQLException failure) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
