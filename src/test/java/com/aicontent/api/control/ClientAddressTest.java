package com.aicontent.api.control;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    static ClientAddress behind(String proxies) {
        ClientAddress address = new ClientAddress();
        address.trustedProxies = Optional.ofNullable(proxies);
        return address;
    }

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertEquals("198.51.100.9", behind(null).of("198.51.100.9", "203.0.113.7"));
    }

    @Test
    void behindATrustedProxyTheLastUntrustedForwardedAddressIsTheClient() {
        ClientAddress address = behind("10.0.0.2, 10.0.0.3");
        assertEquals("203.0.113.7", address.of("10.0.0.2", "203.0.113.7"));
        assertEquals("203.0.113.7", address.of("10.0.0.2", "1.2.3.4, 203.0.113.7, 10.0.0.3"), "a client cannot push its own entry in front");
        assertEquals("10.0.0.2", address.of("10.0.0.2", null));
        assertEquals("198.51.100.9", address.of("198.51.100.9", "203.0.113.7"), "only trusted proxies may forward");
    }
}
