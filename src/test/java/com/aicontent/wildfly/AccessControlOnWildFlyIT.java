package com.aicontent.wildfly;

import com.aicontent.ApiClient;
import com.aicontent.api.boundary.AccessControlContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Path;

/** The same sign-in and role contract, with the same WAR, on WildFly 39. */
@ExtendWith(WildFlyServer.class)
class AccessControlOnWildFlyIT extends AccessControlContract {

    private WildFlyServer wildfly;

    @BeforeEach
    void on(WildFlyServer server) {
        wildfly = server;
    }

    @Override
    protected URI base() {
        return wildfly.baseUri();
    }

    @Override
    protected String adminToken() {
        return ApiClient.TOKEN;
    }

    @Override
    protected Path serverLog() {
        return wildfly.serverLog();
    }

    @Override
    protected String serverName() {
        return "wildfly";
    }
}
