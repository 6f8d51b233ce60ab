package coop.plenum.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The whole application, booted once per test JVM on the real embedded PostgreSQL and MongoDB-wire servers in a
 * fresh data directory, driven over HTTP. Subclasses share the context, so every test makes its own accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the first OpenAPI request builds the description (~5 s on a loaded 2-core machine): wait for answers, not a clock
@AutoConfigureWebTestClient(timeout = "60s")
// metrics exported as in production (Spring Boot's tests turn export off by default): /actuator/prometheus is tested
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
public abstract class BootedPlenum {

    public static final String OPERATOR_PASSWORD = "operator-secret-1";
    private static final Path DATA_DIR = createDataDir();

    @Autowired
    protected WebTestClient http;
    @Autowired
    protected JdbcTemplate jdbc;
    @LocalServerPort
    protected int port;

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("plenum-test-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void embeddedStoreInAFreshDirectory(DynamicPropertyRegistry registry) {
        registry.add("plenum.data-dir", DATA_DIR::toString);
        registry.add("plenum.admin-password", () -> OPERATOR_PASSWORD);
        // the lowest bcrypt cost: every request authenticates with HTTP Basic, and tests make thousands
        registry.add("plenum.security.bcrypt-strength", () -> "4");
        // email on, through an in-process SMTP server, so invitations and resets are tested as people receive them
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> Integer.toString(TestMail.port()));
        registry.add("plenum.mail.from", () -> "Plenum <plenum@example.coop>");
        registry.add("plenum.public-url", () -> TestMail.PUBLIC_URL);
        // every test client is 127.0.0.1: the per-client limits on anonymous actions are tested on their own
        registry.add("plenum.password-reset.requests-per-client-per-hour", () -> "10000");
        registry.add("plenum.invitations.accept-attempts-per-client-per-hour", () -> "10000");
        // webhook tests receive on loopback, and watch retries in seconds instead of hours
        registry.add("plenum.webhooks.allow-loopback", () -> "true");
        registry.add("plenum.webhooks.first-retry", () -> "300ms");
        registry.add("plenum.webhooks.poll-interval", () -> "200ms");
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    protected WebTestClient.RequestHeadersSpec<?> asOperator(WebTestClient.RequestHeadersSpec<?> spec) {
        return spec.headers(h -> h.setBasicAuth("admin", OPERATOR_PASSWORD));
    }

    /** Creates an account with password {@code username + "-password"} and returns its id. */
    protected String createAccount(String username, String displayName) {
        JsonNode body = http.post().uri("/api/v1/accounts")
                .headers(h -> h.setBasicAuth("admin", OPERATOR_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"%s\",\"password\":\"%s-password\",\"displayName\":\"%s\"}"
                        .formatted(username, username, displayName))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.get("accountId").asText();
    }

    protected String foundCooperative(String json) {
        JsonNode body = http.post().uri("/api/v1/cooperatives")
                .headers(h -> h.setBasicAuth("admin", OPERATOR_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.get("cooperativeId").asText();
    }

    /** A two-class cooperative with one founder (also its secretary). */
    protected static String riverside(String founderId) {
        return """
                {"name": "Riverside Energy",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 50},
                                         {"id": "users", "name": "Users", "weight": 40, "quorum": 20}],
                             "topics": ["energy", "finance"],
                             "ledger": {"rates": {"WORK_HOURS": 1, "MONEY": "0.1"}, "requiredEvaluations": 2}},
                 "founders": [{"accountId": "%s", "classId": "workers"}],
                 "secretaryAccountId": "%s"}""".formatted(founderId, founderId);
    }

    /** Riverside with its founder and secretary alice (workers) and an admitted member bob (users). */
    public record AliceAndBob(String coop, String alice, String aliceId, String aliceMember, String bob, String bobMember) {
    }

    protected AliceAndBob riversideWithAliceAndBob() {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId));
        String bob = unique("bob");
        createAccount(bob, "Bob Member");
        String bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        return new AliceAndBob(coop, alice, aliceId, steps.memberIdOf(alice, coop, aliceId), bob, bobMember);
    }

    protected long eventsInTheLog() {
        Long n = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        return n == null ? 0 : n;
    }
}
