package coop.plenum.proposal;

import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a proposal's stream grows by one event per ballot, so after a number of events (here 5) a snapshot of
 * its state is written, and a proposal loaded from that snapshot (cache dropped, as after a restart) still knows every
 * ballot and the electorate.
 */
@TestPropertySource(properties = "plenum.axon.snapshot-after-events=5")
class LongProposalStreamsAreSnapshottedTest extends BootedPlenum {

    @Autowired
    @Qualifier("aggregateCache")
    Cache aggregateCache;

    private void vote(String as, String coop, String proposal, String member, String choice) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + choice + "\"}")
                .exchange().expectStatus().is2xxSuccessful();
    }

    @Test
    void aProposalLoadedFromItsSnapshotStillKnowsEveryBallot() throws Exception {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice");
        String coop = foundCooperative(riverside(aliceId));
        String member = steps.memberIdOf(alice, coop, aliceId);
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Long vote\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(com.fasterxml.jackson.databind.JsonNode.class)
                .returnResult().getResponseBody().get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        for (int i = 0; i < 12; i++) {
            vote(alice, coop, proposal, member, i % 2 == 0 ? "NO" : "YES");
        }

        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        Long snapshots = 0L;
        while (snapshots == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            snapshots = jdbc.queryForObject("select count(*) from snapshotevententry where aggregateidentifier = ? and payloadtype like '%ProposalSnapshot'",
                    Long.class, proposal);
        }
        assertThat(snapshots).as("a snapshot of the proposal, written in the background").isPositive();

        aggregateCache.removeAll();
        http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(alice))
                .exchange().expectStatus().isEqualTo(409);
        aggregateCache.removeAll();
        vote(alice, coop, proposal, member, "YES");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, proposal).headers(as(alice)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("CLOSED")
                .jsonPath("$.classes[0].yes").isEqualTo("1.000000");
    }
}
