package coop.plenum.audit;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.governance.audit.Receipt;
import coop.plenum.governance.audit.ReceiptJson;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Ballots" (→ 200 with a receipt) and issue 11 "Receipts a member can check alone": the ballot's answer names
 * the very event it stored and its hash; its inclusion proof, once signed, verifies with the public key alone; a
 * member gets their own receipts and nobody else's; "my receipts" shows which ballot counts.
 */
class BallotReceiptsTest extends BootedPlenum {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private Cooperators steps;
    private String alice;
    private String bob;
    private String coop;
    private String aliceMember;
    private String bobMember;

    @BeforeEach
    void aCooperativeWithTwoVoters() {
        steps = new Cooperators(http);
        AliceAndBob riverside = riversideWithAliceAndBob();
        alice = riverside.alice();
        coop = riverside.coop();
        bob = riverside.bob();
        bobMember = riverside.bobMember();
        aliceMember = riverside.aliceMember();
    }

    @Test
    void aBallotAnswers200WithAReceiptNamingItsStoredEventAndTheHashTheChainStores() {
        String p = openVote();
        JsonNode receipt = vote(alice, p, aliceMember, "YES");

        assertThat(receipt.path("cooperativeId").asText()).isEqualTo(coop);
        assertThat(receipt.path("proposalId").asText()).isEqualTo(p);
        assertThat(receipt.path("memberId").asText()).isEqualTo(aliceMember);
        assertThat(receipt.path("eventType").asText()).isEqualTo("coop.plenum.governance.proposal.BallotCast");
        assertThat(receipt.path("aggregateIdentifier").asText()).isEqualTo(p);
        long position = receipt.path("position").asLong();
        Map<String, Object> row = jdbc.queryForMap("select aggregateidentifier, sequencenumber, payloadtype, "
                + "convert_from(payload, 'UTF8') as payload from domainevententry where globalindex = ?", position);
        assertThat(row.get("aggregateidentifier")).isEqualTo(p);
        assertThat(((Number) row.get("sequencenumber")).longValue()).isEqualTo(receipt.path("sequenceNumber").asLong());
        assertThat((String) row.get("payload")).contains(aliceMember).contains("YES");
        assertThat(receipt.at("/proof/url").asText()).isEqualTo("/api/v1/cooperatives/" + coop + "/audit/receipts/" + position);
        assertThat(receipt.at("/proof/status").asText()).isIn("NOT_YET_CHAINED", "NOT_YET_SIGNED");
        assertThat(Instant.parse(receipt.at("/proof/availableBy").asText())).isAfter(Instant.parse(receipt.path("recordedAt").asText()));

        byte[] chained = eventually(() -> jdbc.query("select event_hash from audit_chain_link where position = ?",
                (rs, n) -> rs.getBytes(1), position).stream().findFirst().orElse(null), Duration.ofSeconds(10));
        assertThat(receipt.path("eventHash").asText()).isEqualTo(HexFormat.of().formatHex(chained));
    }

    @Test
    void theReceiptsProofVerifiesWithThePublicKeyOnceACheckpointCoversIt() {
        String p = openVote();
        JsonNode receipt = vote(bob, p, bobMember, "NO");

        JsonNode proven = eventually(() -> {
            var answer = http.get().uri(receipt.at("/proof/url").asText()).headers(as(bob)).exchange()
                    .returnResult(JsonNode.class);
            return answer.getStatus().value() == 200 ? answer.getResponseBody().blockFirst() : null;
        }, Duration.ofSeconds(30));
        Receipt checked = ReceiptJson.read(proven);
        assertThat(HexFormat.of().formatHex(checked.eventHash())).isEqualTo(receipt.path("eventHash").asText());
        assertThat(checked.position()).isEqualTo(receipt.path("position").asLong());
        assertThat(checked.check(publicKey())).isNull();
        assertThat(checked.check(new byte[32])).isNotNull();
    }

    @Test
    void aMemberCannotFetchAnotherMembersBallotReceiptOrList() {
        String p = openVote();
        JsonNode alices = vote(alice, p, aliceMember, "YES");
        long position = alices.path("position").asLong();
        eventually(() -> jdbc.query("select 1 from audit_chain_link where position = ?", (rs, n) -> 1, position)
                .stream().findFirst().orElse(null), Duration.ofSeconds(10));

        http.get().uri("/api/v1/cooperatives/{c}/audit/receipts/{p}", coop, position).headers(as(bob)).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/cooperatives/{c}/members/{m}/receipts", coop, aliceMember).headers(as(bob)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("receipts.own-only");
        http.get().uri("/api/v1/cooperatives/{c}/members/{m}/receipts", coop, aliceMember).headers(as(alice)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void myReceiptsListEveryBallotEventAndOnlyTheLastUnretractedOneCounts() {
        String kiln = openVote();
        String roof = openVote();
        JsonNode first = vote(alice, kiln, aliceMember, "YES");
        JsonNode recast = vote(alice, kiln, aliceMember, "NO");
        JsonNode roofBallot = vote(alice, roof, aliceMember, "ABSTAIN");
        http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, roof, aliceMember).headers(as(alice))
                .exchange().expectStatus().isNoContent();

        JsonNode page = eventually(() -> {
            JsonNode mine = myReceipts(alice, aliceMember, "");
            return mine.path("total").asInt() == 4 ? mine : null;
        }, Duration.ofSeconds(10));
        List<JsonNode> receipts = new ArrayList<>();
        page.path("receipts").forEach(receipts::add);
        assertThat(receipts).extracting(r -> r.path("kind").asText()).containsExactly("RETRACTED", "CAST", "CAST", "CAST");
        assertThat(receipts).filteredOn(r -> r.path("counts").asBoolean())
                .extracting(r -> r.path("position").asLong()).containsExactly(recast.path("position").asLong());
        JsonNode superseded = receipts.stream().filter(r -> r.path("position").asLong() == first.path("position").asLong()).findFirst().orElseThrow();
        assertThat(superseded.path("counts").asBoolean()).isFalse();
        assertThat(superseded.path("eventHash").asText()).isEqualTo(first.path("eventHash").asText());
        assertThat(superseded.path("proofUrl").asText()).isEqualTo(first.at("/proof/url").asText());
        assertThat(receipts).filteredOn(r -> r.path("proposalId").asText().equals(roof))
                .allSatisfy(r -> assertThat(r.path("counts").asBoolean()).isFalse())
                .anySatisfy(r -> assertThat(r.path("position").asLong()).isEqualTo(roofBallot.path("position").asLong()));

        JsonNode second = myReceipts(alice, aliceMember, "?offset=1&limit=1");
        assertThat(second.path("total").asInt()).isEqualTo(4);
        assertThat(second.path("receipts")).hasSize(1);
        assertThat(second.at("/receipts/0/position").asLong()).isEqualTo(receipts.get(1).path("position").asLong());
        for (String bad : List.of("?limit=0", "?limit=101", "?offset=-1", "?limit=many")) {
            http.get().uri("/api/v1/cooperatives/" + coop + "/members/" + aliceMember + "/receipts" + bad).headers(as(alice))
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo(bad.substring(1, bad.indexOf('=')));
        }
    }

    @Test
    void concurrentBallotsEachGetTheReceiptOfTheirOwnEventNeverTheLatest() throws Exception {
        String p = openVote();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String choice = List.of("YES", "NO", "ABSTAIN").get(i % 3);
                Callable<JsonNode> aliceVotes = () -> vote(alice, p, aliceMember, choice);
                Callable<JsonNode> bobVotes = () -> vote(bob, p, bobMember, choice);
                answers.add(pool.submit(aliceVotes));
                answers.add(pool.submit(bobVotes));
            }
            for (Future<JsonNode> answer : answers) {
                JsonNode receipt = answer.get();
                String payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domainevententry where globalindex = ?",
                        String.class, receipt.path("position").asLong());
                assertThat(payload).as("the event at the receipt's position is this member's ballot").contains(receipt.path("memberId").asText());
            }
            assertThat(answers.stream().map(this::positionOf).distinct().count()).isEqualTo(answers.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ballotsRecordedInOneTransactionEachKeepTheirOwnCasterRequestAndReceipt() throws Exception {
        String p = openVote();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<JsonNode>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String choice = List.of("YES", "NO").get(i % 2);
                answers.add(pool.submit(() -> vote(alice, p, aliceMember, choice)));
                answers.add(pool.submit(() -> vote(bob, p, bobMember, choice)));
            }
            for (Future<JsonNode> answer : answers) {
                answer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> events = jdbc.queryForList("select convert_from(payload, 'UTF8') as payload, "
                + "convert_from(metadata, 'UTF8') as metadata from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like '%BallotCast' order by globalindex", p);
        assertThat(events).hasSize(answers.size());
        Map<String, String> casterOfMember = new java.util.HashMap<>();
        java.util.Set<String> requests = new java.util.HashSet<>();
        Map<String, Integer> eventsPerCause = new java.util.HashMap<>();
        for (Map<String, Object> event : events) {
            JsonNode payload = JSON.readTree((String) event.get("payload"));
            JsonNode metadata = JSON.readTree((String) event.get("metadata"));
            String actor = metadata.path("actor").asText();
            assertThat(actor).isNotEqualTo("system");
            assertThat(casterOfMember.computeIfAbsent(payload.path("memberId").asText(), m -> actor))
                    .as("every ballot of one member names that member's account").isEqualTo(actor);
            requests.add(metadata.path("correlationId").asText());
            eventsPerCause.merge(metadata.path("causationId").asText(), 1, Integer::sum);
        }
        assertThat(casterOfMember).hasSize(2);
        assertThat(casterOfMember.values()).doesNotHaveDuplicates();
        assertThat(requests).as("each request's own correlation id, even inside a batch").hasSize(answers.size());
        assertThat(eventsPerCause.values()).as("eight callers at once: some ballots shared a transaction")
                .anySatisfy(count -> assertThat(count).isGreaterThan(1));
        for (Future<JsonNode> answer : answers) {
            JsonNode receipt = answer.get();
            String payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domainevententry where globalindex = ?",
                    String.class, receipt.path("position").asLong());
            assertThat(payload).contains(receipt.path("memberId").asText());
        }
    }

    private long positionOf(Future<JsonNode> answer) {
        try {
            return answer.get().path("position").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String openVote() {
        String p = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Buy a kiln\",\"body\":\"Second hand\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, p).headers(as(alice)).exchange()
                .expectStatus().isNoContent();
        return p;
    }

    private JsonNode vote(String as, String proposal, String member, String choice) {
        return http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + choice + "\"}")
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode myReceipts(String as, String member, String query) {
        return http.get().uri("/api/v1/cooperatives/" + coop + "/members/" + member + "/receipts" + query).headers(as(as))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private byte[] publicKey() {
        JsonNode key = http.get().uri("/api/v1/audit/public-key").headers(as(alice)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return HexFormat.of().parseHex(key.path("publicKeyHex").asText());
    }

    private static <T> T eventually(Supplier<T> probe, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
