package coop.plenum.durability;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PlenumContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event no handler can read (here: a truncated payload written straight into the log, as a disk fault or an
 * older version's bug would leave it) is parked per aggregate: the read models and policies move on with every
 * other cooperative, the aggregate's later events wait behind it in order, health names the processors, the
 * parked events survive a restart, and an operator skips them with a reason that the log keeps.
 */
class PoisonEventParksOnlyItsAggregateTest {

    private static final String ADMIN = "poison-admin";

    @TempDir
    Path dataDir;

    @Test
    void aPoisonEventWaitsAloneWhileEveryOtherCooperativeKeepsWorking() {
        String poisoned = "poisoned-" + UUID.randomUUID();
        String founder;
        List<String> parkedBy;
        try (ConfigurableApplicationContext app = PlenumContexts.start(dataDir, ADMIN)) {
            WebTestClient http = PlenumContexts.client(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            founder = createAccount(http, "rosa");
            String first = found(http, founder, "Bakery Commons");

            // the poison, then a perfectly good founding of another cooperative in the same aggregate's stream
            byte[] good = jdbc.queryForObject("select payload from domainevententry where aggregateidentifier = ? "
                    + "and payloadtype like '%CooperativeFounded'", byte[].class, first);
            byte[] later = new String(good, StandardCharsets.UTF_8).replace(first, poisoned).getBytes(StandardCharsets.UTF_8);
            insertEvent(jdbc, poisoned, 0, "{\"cooperativeId\":".getBytes(StandardCharsets.UTF_8));
            insertEvent(jdbc, poisoned, 1, later);

            // each of the three processors that handle a founding parks the poison and the event behind it
            JsonNode parked = await(() -> deadLetters(http), d -> d.path("events").size() >= 6
                    && processorsThatParked(d).containsAll(List.of("readmodel-cooperatives", "readmodel-membership", "policy-ledger")));
            parkedBy = processorsThatParked(parked);
            assertThat(parkedBy).contains("readmodel-cooperatives", "readmodel-membership", "policy-ledger");
            for (JsonNode event : parked.path("events")) {
                assertThat(event.path("aggregateIdentifier").asText()).isEqualTo(poisoned);
                assertThat(event.path("eventType").asText()).endsWith("CooperativeFounded");
                // the poison failed; the good event behind it was never tried, only kept in order
                assertThat(event.path("attempts").asLong()).isEqualTo(event.path("aggregateSequence").asLong() == 0 ? 1 : 0);
                assertThat(event.path("causeType").isNull()).isEqualTo(event.path("aggregateSequence").asLong() == 1);
            }
            JsonNode health = await(() -> health(http), h -> "DEGRADED".equals(h.path("status").asText()));
            assertThat(health.at("/components/eventProcessors/components/readmodel-cooperatives/status").asText())
                    .isEqualTo("DEGRADED");
            assertThat(health.at("/components/eventProcessors/components/readmodel-accounts/status").asText()).isEqualTo("UP");

            // everyone else goes on: a cooperative founded now is read back at once, and can vote
            String next = found(http, founder, "Tool Library");
            http.get().uri("/api/v1/cooperatives/{c}", next).headers(h -> h.setBasicAuth("rosa", "rosa-password"))
                    .exchange().expectStatus().isOk();
            String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", next)
                    .headers(h -> h.setBasicAuth("rosa", "rosa-password")).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"title\":\"Open on Sundays\",\"body\":\"Try it for a month.\",\"topic\":\"general\",\"kind\":\"GENERAL\"}")
                    .exchange().expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("proposalId").asText();
            http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", next, proposal)
                    .headers(h -> h.setBasicAuth("rosa", "rosa-password")).exchange().expectStatus().isOk();
            // ...while the good event waits behind the poison in its own stream
            http.get().uri("/api/v1/cooperatives/{c}", poisoned).headers(h -> h.setBasicAuth("rosa", "rosa-password"))
                    .exchange().expectStatus().isNotFound();
        }

        try (ConfigurableApplicationContext app = PlenumContexts.start(dataDir, ADMIN)) {
            WebTestClient http = PlenumContexts.client(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            JsonNode afterRestart = deadLetters(http);
            assertThat(processorsThatParked(afterRestart)).containsExactlyInAnyOrderElementsOf(parkedBy);
            assertThat(health(http).path("status").asText()).isEqualTo("DEGRADED");

            long before = count(jdbc);
            String poisonId = eventIdOf(afterRestart, 0);
            asAdmin(http.post().uri("/api/v1/operations/dead-letters/{p}/skips", parkedBy.get(0)))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"eventIdentifier\":\"" + poisonId + "\",\"reason\":\"  \"}")
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.field").isEqualTo("reason");
            asAdmin(http.post().uri("/api/v1/operations/dead-letters/{p}/skips", "readmodel-nothing"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"eventIdentifier\":\"" + poisonId + "\",\"reason\":\"x\"}")
                    .exchange().expectStatus().isNotFound();
            asAdmin(http.post().uri("/api/v1/operations/dead-letters/{p}/skips", parkedBy.get(0)))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"eventIdentifier\":\"no-such-event\",\"reason\":\"x\"}")
                    .exchange().expectStatus().isNotFound();
            http.post().uri("/api/v1/operations/dead-letters/{p}/skips", parkedBy.get(0))
                    .headers(h -> h.setBasicAuth("rosa", "rosa-password"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"eventIdentifier\":\"" + poisonId + "\",\"reason\":\"x\"}")
                    .exchange().expectStatus().isForbidden();
            assertThat(count(jdbc)).isEqualTo(before);

            for (String processor : parkedBy) {
                asAdmin(http.post().uri("/api/v1/operations/dead-letters/{p}/skips", processor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"eventIdentifier\":\"" + poisonId + "\",\"reason\":\"payload truncated by a disk fault\"}")
                        .exchange().expectStatus().isNoContent();
            }
            assertThat(jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%DeadLetterSkipped' "
                    + "and convert_from(payload, 'UTF8') like '%payload truncated by a disk fault%' "
                    + "and convert_from(metadata, 'UTF8') like '%actor%'", Long.class)).isEqualTo(parkedBy.size());
            // the good event behind the poison went through the moment the poison was skipped
            await(() -> deadLetters(http), d -> d.path("events").isEmpty());
            http.get().uri("/api/v1/cooperatives/{c}", poisoned).headers(h -> h.setBasicAuth("rosa", "rosa-password"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.name").isEqualTo("Bakery Commons");
            await(() -> health(http), h -> "UP".equals(h.path("status").asText()));
        }
    }

    private static List<String> processorsThatParked(JsonNode deadLetters) {
        List<String> processors = new ArrayList<>();
        deadLetters.path("parked").fieldNames().forEachRemaining(processors::add);
        return processors;
    }

    private static String eventIdOf(JsonNode deadLetters, long aggregateSequence) {
        for (JsonNode event : deadLetters.path("events")) {
            if (event.path("aggregateSequence").asLong() == aggregateSequence) {
                return event.path("eventIdentifier").asText();
            }
        }
        throw new AssertionError("no parked event with sequence " + aggregateSequence + " in " + deadLetters);
    }

    private static void insertEvent(JdbcTemplate jdbc, String aggregate, long sequence, byte[] payload) {
        jdbc.update("insert into domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, "
                        + "payloadtype, payloadrevision, payload, metadata) values (?, ?, ?, 'Cooperative', ?, ?, null, ?, ?)",
                UUID.randomUUID().toString(), aggregate, sequence, java.time.Instant.now().toString(),
                "coop.plenum.governance.cooperative.CooperativeFounded", payload, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static long count(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        return n == null ? 0 : n;
    }

    private static JsonNode deadLetters(WebTestClient http) {
        return asAdmin(http.get().uri("/api/v1/operations/dead-letters")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode health(WebTestClient http) {
        return http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static <T extends WebTestClient.RequestHeadersSpec<?>> T asAdmin(T spec) {
        spec.headers(h -> h.setBasicAuth("admin", ADMIN));
        return spec;
    }

    private static JsonNode await(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = read.get();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s; last answer: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = read.get();
        }
        return last;
    }

    private static String createAccount(WebTestClient http, String username) {
        return asAdmin(http.post().uri("/api/v1/accounts")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"%s\",\"password\":\"%s-password\",\"displayName\":\"Rosa\"}".formatted(username, username))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("accountId").asText();
    }

    private static String found(WebTestClient http, String founder, String name) {
        return asAdmin(http.post().uri("/api/v1/cooperatives")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + name + "\",\"charter\":{\"classes\":[{\"id\":\"bakers\",\"name\":\"Bakers\",\"weight\":100,\"quorum\":50}]},"
                        + "\"founders\":[{\"accountId\":\"" + founder + "\",\"classId\":\"bakers\"}],\"secretaryAccountId\":\"" + founder + "\"}")
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("cooperativeId").asText();
    }
}
