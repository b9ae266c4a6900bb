package com.aicontent.monitoring.boundary;

import com.aicontent.monitoring.control.InstanceSelfTest;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Tells the self-test where this instance answers HTTP, from the first request that reaches it: no
 * portable API names a server's own port, and the port differs per server and deployment. Costs one
 * volatile read per request once learned.
 */
@WebListener
public class OwnAddressListener implements ServletRequestListener {

    @Inject
    InstanceSelfTest selfTest;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (!selfTest.knowsItsAddress() && event.getServletRequest() instanceof HttpServletRequest request) {
            selfTest.learn(addressOf(request));
        }
    }

    /** The scheme, local address and port the request came in on, and the application's context path. */
    static URI addressOf(ServletRequest request) {
        String contextPath = request instanceof HttpServletRequest http ? http.getContextPath() : "";
        try {
            return new URI(request.getScheme(), null, request.getLocalAddr(), request.getLocalPort(), contextPath + "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the request's own address is not a URI", e);
        }
    }
}
