package com.aicontent.api.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a client is for counting its failed sign-ins: the connection's remote address, unless that
 * address is one of {@code TRUSTED_PROXIES} (the load balancers in front); then the last address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy. Without trusted proxies the header is
 * ignored: anyone can write it.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    private Set<String> trusted;

    Set<String> trusted() {
        if (trusted == null) {
            trusted = trustedProxies.map(list -> Arrays.stream(list.split(","))
                    .map(String::strip).filter(entry -> !entry.isEmpty()).collect(Collectors.toUnmodifiableSet()))
                    .orElse(Set.of());
        }
        return trusted;
    }

    public String of(String remoteAddress, String forwardedFor) {
        if (remoteAddress == null || !trusted().contains(remoteAddress) || forwardedFor == null || forwardedFor.isBlank()) {
            return remoteAddress == null ? "unknown" : remoteAddress;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).filter(hop -> !hop.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted().contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return remoteAddress;
    }
}
