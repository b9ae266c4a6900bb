package com.aicontent.ai.control;

import com.aicontent.ai.entity.ImageRefusedException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an image URL a model server answered with may be fetched. The URL is the
 * server's to choose, so it is treated like user input aimed at this machine's network: only
 * {@code https} (or {@code http} on the model server's own origin, where a local server keeps its
 * images), never an address on loopback, link-local (cloud metadata lives at 169.254.169.254),
 * private or unique-local networks, checked on the resolved addresses of every hop, and no
 * redirect to another origin. Hosts named in {@code AI_IMAGE_URL_ALLOWED_HOSTS} are opened on
 * purpose, at any address and over http too.
 *
 * <p>The HTTP client resolves the name again when it connects; a name that re-resolves to an
 * inner address in between (DNS rebinding) still meets https, whose certificate check an inner
 * server cannot pass for a foreign name.
 */
final class ImageUrlPolicy {

    /** Resolves a host name; tests give fixed answers. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final URI modelServer;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    ImageUrlPolicy(URI baseUrl, Set<String> allowedHosts, Resolver resolver) {
        this.modelServer = baseUrl;
        this.allowedHosts = allowedHosts;
        this.resolver = resolver;
    }

    /** @throws ImageRefusedException saying why {@code uri} is not fetched */
    void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || host.isEmpty()) {
            throw refused(uri, "it is not an absolute http(s) URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(uri, "it carries a user name or password");
        }
        if (sameOrigin(uri, modelServer) || isAllowed(host)) {
            return;
        }
        if (!scheme.equals("https")) {
            throw refused(uri, "it is plain http on another origin than the model server's (only https is fetched from elsewhere)");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException unknown) {
            throw refused(uri, "its host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = innerKind(address);
            if (kind.isPresent()) {
                throw refused(uri, "its host %s resolves to %s, %s".formatted(host, address.getHostAddress(), kind.get()));
            }
        }
    }

    /** A redirect stays on its origin (scheme, host and port), and its target passes {@link #check} as well. */
    void checkRedirect(URI from, URI to) {
        if (!sameOrigin(from, to)) {
            throw refused(to, "it is a redirect from %s to another origin".formatted(origin(from)));
        }
        check(to);
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port(uri);
    }

    /** What an address is, when it is one that an image URL must never reach. */
    static Optional<String> innerKind(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            if (isIpv4Embedded(bytes)) {
                try {
                    return innerKind(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException impossible) {
                    return Optional.of("an unreadable address");
                }
            }
            if ((bytes[0] & 0xFE) == 0xFC) {
                return Optional.of("a unique-local address");
            }
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 0 || first >= 240) {
                return Optional.of("a reserved address");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("a shared (carrier-grade NAT) address");
            }
            if (first == 198 && (second == 18 || second == 19) || first == 192 && second == 0 && (b[2] & 0xFF) == 0) {
                return Optional.of("a reserved address");
            }
        }
        return Optional.empty();
    }

    private boolean isAllowed(String host) {
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return origin(a).equals(origin(b));
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and 64:ff9b::a.b.c.d (NAT64) carry an IPv4 address. */
    private static boolean isIpv4Embedded(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
        return mapped || compatible || nat64;
    }

    private static ImageRefusedException refused(URI uri, String why) {
        return new ImageRefusedException("The image URL %s was not fetched: %s. AI_IMAGE_URL_ALLOWED_HOSTS opens a host on purpose."
                .formatted(ImageDownloads.withoutQuery(uri), why));
    }
}
