package coop.plenum.security;

import coop.plenum.PlenumApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating proxy, with {@code server.forward-headers-strategy=framework} as documented: the proxy's
 * headers say the request was HTTPS (so the session cookie is Secure) and who the client was (so the per-client
 * sign-in limit applies to the real client, not to the proxy).
 */
class BehindAProxyTest {

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext app;
    private static WebTestClient http;

    @BeforeAll
    static void startBehindAProxy() {
        app = new SpringApplicationBuilder(PlenumApplication.class).run("--server.port=0", "--plenum.data-dir=" + dataDir,
                "--plenum.admin-password=proxy-admin-1", "--plenum.security.bcrypt-strength=4",
                "--server.forward-headers-strategy=framework");
        http = coop.plenum.support.PlenumContexts.client(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static ResponseCookie sessionCookie(String forwardedProto) {
        return http.get().uri("/login").header("X-Forwarded-Proto", forwardedProto).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("SESSION");
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxyServedHttps() {
        assertThat(sessionCookie("https").isSecure()).isTrue();
        assertThat(sessionCookie("http").isSecure()).isFalse();
    }

    private static int signIn(String forwardedFor, String username) {
        return http.get().uri("/api/v1/accounts/me").header("X-Forwarded-For", forwardedFor)
                .headers(h -> h.setBasicAuth(username, "wrong-password"))
                .exchange().expectBody().returnResult().getStatus().value();
    }

    @Test
    void theClientLimitFollowsTheForwardedClientNotTheProxy() {
        for (int i = 0; i < 20; i++) {
            assertThat(signIn("198.51.100.7", "nobody-" + i)).isEqualTo(401);
        }
        assertThat(signIn("198.51.100.7", "nobody-more")).isEqualTo(429);
        assertThat(signIn("198.51.100.8", "nobody-else")).as("another client behind the same proxy").isEqualTo(401);
    }
}
