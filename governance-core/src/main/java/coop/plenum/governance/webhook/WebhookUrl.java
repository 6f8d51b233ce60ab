package coop.plenum.governance.webhook;

import coop.plenum.kernel.Texts;
import coop.plenum.kernel.Violation;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point (server-side request forgery is the risk: a secretary must not make Plenum call its own
 * network). HTTPS to a public address; plain HTTP only to a loopback address, and loopback only where the operator
 * allows it ({@code plenum.webhooks.allow-loopback}, for tests and local development). Private, link-local (cloud
 * metadata at 169.254.169.254), unique-local, multicast and unspecified addresses are refused. The shape is checked
 * when the webhook is registered; the addresses a host name resolves to are checked then and again before every
 * delivery, so a name that later resolves inward is refused too.
 */
public final class WebhookUrl {

    public static final int MAX_LENGTH = 2000;
    public static final String FIELD = "url";

    private WebhookUrl() {
    }

    /** The shape rules, no network: scheme, host, no credentials, no fragment, bounded, clean. */
    public static void checkShape(String url, List<Violation> violations) {
        Texts.required(FIELD, url, MAX_LENGTH, Texts.Lines.ONE, "webhook.url-invalid",
                "url is an absolute https URL of at most " + MAX_LENGTH + " characters", violations);
        if (!violations.isEmpty()) {
            return;
        }
        Optional<String> refusal = shapeRefusal(url);
        refusal.ifPresent(reason -> violations.add(new Violation(FIELD, "webhook.url-invalid", reason)));
    }

    private static Optional<String> shapeRefusal(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("url is not a well-formed URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("url is an https URL (http only to a loopback address)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("url names a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("url carries no user name or password (the signature authenticates Plenum)");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("url has no #fragment");
        }
        return Optional.empty();
    }

    /**
     * Why Plenum will not call these addresses for this URL, or empty when it may. {@code addresses} are what the
     * URL's host resolves to (all of them must be acceptable).
     */
    public static Optional<String> addressRefusal(String url, List<InetAddress> addresses, boolean allowLoopback) {
        URI uri = URI.create(url.strip());
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (addresses.isEmpty()) {
            return Optional.of("url's host does not resolve to any address");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                if (!allowLoopback) {
                    return Optional.of("url points at this machine (loopback), which this instance refuses");
                }
                continue;
            }
            if (!https) {
                return Optional.of("url is an https URL; plain http is allowed only to a loopback address");
            }
            if (isInternal(address)) {
                return Optional.of("url points at a private, link-local or otherwise internal address ("
                        + address.getHostAddress() + "), which Plenum never calls");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || address.isLoopbackAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240;                            // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            // fc00::/7 unique-local; an IPv4-mapped address is judged as its IPv4 address
            if ((first & 0xfe) == 0xfc) {
                return true;
            }
            if (isIpv4Mapped(b)) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (java.net.UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** The host part of a URL whose shape was checked. */
    public static String host(String url) {
        String host = URI.create(url.strip()).getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
