package coop.plenum.api.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;

/**
 * Response headers for the browser UI. Scripts come only from Plenum's own files (no inline script or handler, so an
 * injected {@code <script>} would not run); styles may be inline because bar widths are set per row; nothing may
 * frame the pages; the page may use no camera, microphone, location, payment or sensors.
 * <p>
 * The session cookie is marked {@code Secure} whenever the request arrived over HTTPS (Spring's default). Behind a
 * TLS-terminating proxy, set {@code server.forward-headers-strategy=framework} (or {@code native}) so that the
 * proxy's {@code X-Forwarded-Proto}/{@code Forwarded} headers make the request count as HTTPS.
 */
final class BrowserHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            + "microphone=(), payment=(), usb=()";

    private BrowserHeaders() {
    }

    static void apply(ServerHttpSecurity.HeaderSpec headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN));
    }
}
