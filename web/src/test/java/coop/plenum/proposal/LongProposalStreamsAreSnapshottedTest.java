package coop.plenum.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.Cooperators;
import coop.plenum.support.PlenumContexts;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a proposal's stream grows by one event per ballot, so after a number of events (here 5) a snapshot of
 * its state is written, and a proposal loaded from that snapshot (cache dropped, as after a restart) still knows every
 * ballot and the electorate. Its own app and data directory: the setting differs from the shared test context.
 */
class LongProposalStreamsAreSnapshottedTest {

    private static final String ADMIN = "snapshot-admin";

    @TempDir
    Path dataDir;

    private static void vote(WebTestClient http, String as, String coop, String proposal, String member, String choice) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + choice + "\"}")
                .exchange().expectStatus().is2xxSuccessful();
    }

    @Test
    void aProposalLoadedFromItsSnapshotStillKnowsEveryBallot() throws Exception {
        try (ConfigurableApplicationContext app = PlenumContexts.start(dataDir, ADMIN, "--plenum.axon.snapshot-after-events=5")) {
            WebTestClient http = PlenumContexts.client(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Cache aggregateCache = app.getBean("aggregateCache", Cache.class);
            Cooperators steps = new Cooperators(http);
            String aliceId = http.post().uri("/api/v1/accounts").headers(h -> h.setBasicAuth("admin", ADMIN))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"alice\",\"password\":\"alice-password\",\"displayName\":\"Alice\"}")
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("accountId").asText();
            String coop = http.post().uri("/api/v1/cooperatives").headers(h -> h.setBasicAuth("admin", ADMIN))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"Long votes\",\"charter\":{\"classes\":[{\"id\":\"workers\",\"name\":\"Workers\",\"weight\":100,"
                            + "\"quorum\":10}],\"topics\":[\"energy\"]},\"founders\":[{\"accountId\":\"" + aliceId
                            + "\",\"classId\":\"workers\"}],\"secretaryAccountId\":\"" + aliceId + "\"}")
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("cooperativeId").asText();
            String member = steps.memberIdOf("alice", coop, aliceId);
            String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as("alice"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"title\":\"Long vote\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class)
                    .returnResult().getResponseBody().get("proposalId").asText();
            http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as("alice"))
                    .exchange().expectStatus().isNoContent();
            for (int i = 0; i < 12; i++) {
                vote(http, "alice", coop, proposal, member, i % 2 == 0 ? "NO" : "YES");
            }

            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            Long snapshots = 0L;
            while (snapshots == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                snapshots = jdbc.queryForObject("select count(*) from snapshotevententry where aggregateidentifier = ? "
                        + "and payloadtype like '%ProposalSnapshot'", Long.class, proposal);
            }
            assertThat(snapshots).as("a snapshot of the proposal, written in the background").isPositive();

            aggregateCache.removeAll();
            http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as("alice"))
                    .exchange().expectStatus().isNoContent();
            http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as("alice"))
                    .exchange().expectStatus().isEqualTo(409);
            aggregateCache.removeAll();
            vote(http, "alice", coop, proposal, member, "YES");
            http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, proposal).headers(as("alice"))
                    .exchange().expectStatus().isNoContent();
            http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, proposal).headers(as("alice")).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.state").isEqualTo("CLOSED")
                    .jsonPath("$.classes[0].yes").isEqualTo("1.000000");
        }
    }
}
