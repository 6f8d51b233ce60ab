package coop.plenum.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Time, and as of" for a {@code secrecy: SECRET} vote ({@code GET …/tally?asOf=}): at an instant while it was
 * open, who had a sealed ballot standing then, per class, and nothing else (no count, share or outcome), whether it is
 * asked while the vote is open or after it closed; from the closing instant on, the count of the revealed ballots,
 * the recorded result.
 */
class SecretVoteTallyAsOfTest extends BootedPlenum {

    private AliceAndBob r;
    private String cara, caraMember;
    private String p;

    @BeforeEach
    void aSecretVoteOfAliceInWorkersAndBobAndCaraInUsers() {
        r = riversideWithAliceAndBob();
        Cooperators steps = new Cooperators(http);
        cara = unique("cara");
        createAccount(cara, "Cara Member");
        caraMember = steps.apply(r.coop(), cara, "users");
        steps.command(r.alice(), r.coop(), caraMember, "admission");
        p = http.post().uri("/api/v1/cooperatives/{c}/proposals", r.coop()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Admit the bakery\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"secrecy\":\"SECRET\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        act("opening");
    }

    private void act(String action) {
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/{a}", r.coop(), p, action).headers(as(r.alice()))
                .exchange().expectStatus().isNoContent();
    }

    private void vote(String who, String member, String choice) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", r.coop(), p, member).headers(as(who))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + choice + "\"}").exchange()
                .expectStatus().isOk();
    }

    private JsonNode tally(Instant asOf) {
        return http.get().uri(asOf == null ? "/api/v1/cooperatives/{c}/proposals/{p}/tally"
                        : "/api/v1/cooperatives/{c}/proposals/{p}/tally?asOf=" + asOf, r.coop(), p).headers(as(r.bob()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** An instant after everything done so far and before anything done next (the clock ticks in milliseconds). */
    private static Instant mark() {
        try {
            Thread.sleep(3);
            Instant now = Instant.now();
            Thread.sleep(3);
            return now;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal participation(JsonNode tally, String classId) {
        for (JsonNode c : tally.get("classes")) {
            if (c.get("classId").asText().equals(classId)) {
                return new BigDecimal(c.get("participation").asText());
            }
        }
        throw new AssertionError("no class " + classId + " in " + tally);
    }

    /** Participation per class as it stood, and nothing of what anyone chose. */
    private static void onlyWhoTookPart(JsonNode tally, String workers, String users) {
        assertThat(tally.path("hidden").asText()).as("%s", tally).isEqualTo("AFTER_CLOSE");
        assertThat(tally.path("state").asText()).isEqualTo("VOTING");
        assertThat(tally.get("outcome").isNull()).isTrue();
        assertThat(tally.get("approval").isNull()).isTrue();
        for (JsonNode c : tally.get("classes")) {
            for (String count : new String[]{"yes", "no", "abstain", "approval", "participating"}) {
                assertThat(c.get(count).isNull()).as("%s of %s", count, c).isTrue();
            }
        }
        assertThat(tally.toString()).doesNotContain("\"YES\"", "\"NO\"", "\"ABSTAIN\"");
        assertThat(participation(tally, "workers")).as("workers in %s", tally).isEqualByComparingTo(workers);
        assertThat(participation(tally, "users")).as("users in %s", tally).isEqualByComparingTo(users);
    }

    private static JsonNode withoutAsOf(JsonNode tally) {
        ObjectNode copy = tally.deepCopy();
        copy.remove("asOf");
        return copy;
    }

    @Test
    void asOfAnInstantWhileASecretVoteWasOpenTheTallyIsWhoHadASealedBallotStandingThenAndFromItsCloseTheRecordedCount() {
        Map<Instant, String[]> expected = new LinkedHashMap<>();
        expected.put(mark(), new String[]{"0", "0"});
        vote(r.alice(), r.aliceMember(), "YES");
        expected.put(mark(), new String[]{"1", "0"});
        vote(r.bob(), r.bobMember(), "NO");
        expected.put(mark(), new String[]{"1", "0.5"});
        vote(cara, caraMember, "YES");
        expected.put(mark(), new String[]{"1", "1"});
        http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", r.coop(), p, caraMember).headers(as(cara))
                .exchange().expectStatus().isNoContent();
        expected.put(mark(), new String[]{"1", "0.5"});

        // while open: each instant answers who took part then, not who takes part now
        Map<Instant, JsonNode> answeredWhileOpen = new LinkedHashMap<>();
        expected.forEach((instant, took) -> {
            JsonNode then = tally(instant);
            onlyWhoTookPart(then, took[0], took[1]);
            answeredWhileOpen.put(instant, then);
        });
        onlyWhoTookPart(tally(null), "1", "0.5");

        vote(cara, caraMember, "NO");
        Instant lastBallot = mark();
        act("closing");
        JsonNode recorded = tally(null);
        assertThat(recorded.has("hidden")).isFalse();
        assertThat(recorded.path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(recorded.path("classes").findValues("no")).extracting(JsonNode::asText).contains("2.000000");
        Instant closedAt = Instant.parse(recorded.path("asOf").asText());

        // after close, an instant while it was open answers what it answered then: the revealed ballots are the last
        // ones only, and no choice of that moment was ever known
        answeredWhileOpen.forEach((instant, then) -> assertThat(tally(instant)).as("as of %s", instant).isEqualTo(then));
        onlyWhoTookPart(tally(lastBallot), "1", "1");
        // the close counts from the instant VotingClosed names (taken as the command began); the revealed pages and the
        // VotingClosed are stored moments later in the same transaction, so no instant has the ballots public without it
        onlyWhoTookPart(tally(closedAt.minusMillis(1)), "1", "1");
        for (String kind : new String[]{"SecretBallotsRevealed", "VotingClosed"}) {
            Instant stored = jdbc.queryForObject("select timestamp from domainevententry where aggregateidentifier = ? "
                    + "and payloadtype like ? order by sequencenumber limit 1", (rs, n) -> Instant.parse(rs.getString(1)), p, "%." + kind);
            assertThat(stored).as(kind).isAfterOrEqualTo(closedAt);
            assertThat(withoutAsOf(tally(stored))).as("as of the stored %s", kind).isEqualTo(withoutAsOf(recorded));
        }

        // from the closing instant on: the recorded count
        assertThat(tally(closedAt)).isEqualTo(recorded);
        assertThat(withoutAsOf(tally(closedAt.plusSeconds(3600)))).isEqualTo(withoutAsOf(recorded));
    }
}
