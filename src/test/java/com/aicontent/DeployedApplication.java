package com.aicontent;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;

/**
 * A black-box test of the WAR the build packaged, deployed by Arquillian on a Payara Micro of the
 * test's own and called over HTTP through its public API, as a user would.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedApplication {

    @Deployment(testable = false)
    static WebArchive war() {
        return BuiltWar.archive();
    }

    @ArquillianResource
    protected URL base;

    protected ApiClient api;

    @BeforeEach
    void connectTheClient() {
        api = new ApiClient(URI.create(base.toString()));
    }
}
