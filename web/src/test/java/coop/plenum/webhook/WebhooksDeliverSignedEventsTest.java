package coop.plenum.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, webhooks: deliveries reach a receiver this test starts on loopback, signed with the secret shown once at
 * registration; failures are retried and logged; a receiver that never answers holds up nobody else; handling the
 * log again queues nothing twice; inward URLs are refused; only secretaries manage webhooks.
 */
class WebhooksDeliverSignedEventsTest extends BootedPlenum {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    com.mongodb.client.MongoClient mongo;

    @Autowired
    coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase database;

    private LoopbackReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new LoopbackReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aDeliveryCarriesItsKindAndIdAndIsSignedWithTheSecretShownAtRegistration() throws Exception {
        AliceAndBob coop = riversideWithAliceAndBob();
        JsonNode webhook = register(coop, receiver.url("/signed"), "member.admitted");
        String secret = webhook.get("secret").asText();
        assertThat(secret).startsWith("whsec_");

        String carolMember = admitSomeone(coop);

        eventually(() -> receiver.at("/signed").size() == 1);
        String log = "/api/v1/cooperatives/" + coop.coop() + "/webhooks/" + webhook.get("webhookId").asText() + "/deliveries";
        eventually(() -> "DELIVERED".equals(getJson(coop.alice(), log).path(0).path("status").asText()));
        assertThat(getJson(coop.alice(), log)).as("only the admission after registering").hasSize(1);
        LoopbackReceiver.Received delivery = receiver.at("/signed").get(0);
        assertThat(delivery.header("X-Plenum-Signature")).isEqualTo("sha256=" + hmacHex(secret, delivery.body()));
        assertThat(delivery.header("X-Plenum-Event")).isEqualTo("member.admitted");
        JsonNode body = JSON.readTree(delivery.body());
        assertThat(delivery.header("X-Plenum-Delivery")).isEqualTo(body.get("deliveryId").asText());
        assertThat(body.get("kind").asText()).isEqualTo("member.admitted");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("cooperativeId").asText()).isEqualTo(coop.coop());
        assertThat(Duration.between(Instant.parse(body.get("sentAt").asText()), Instant.now()).abs())
                .as("the send time is inside the signed body").isLessThan(Duration.ofMinutes(1));
        assertThat(body.at("/data/memberId").asText()).isEqualTo(carolMember);
        assertThat(body.at("/data/classId").asText()).isEqualTo("users");

        // the secret is shown once: the list and the webhook never show it again
        JsonNode listed = getJson(coop.alice(), "/api/v1/cooperatives/" + coop.coop() + "/webhooks");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("secret")).isFalse();
        assertThat(listed.get(0).get("events").get(0).asText()).isEqualTo("member.admitted");
    }

    @Test
    void aReceiverAnswering500TwiceThen200GetsThreeAttemptsAndTheLogShowsEach() throws Exception {
        AliceAndBob coop = riversideWithAliceAndBob();
        String webhookId = register(coop, receiver.url("/flaky", 500, 500, 200), "voting.opened").get("webhookId").asText();

        testDelivery(coop, webhookId);

        String log = "/api/v1/cooperatives/" + coop.coop() + "/webhooks/" + webhookId + "/deliveries";
        eventually(() -> "DELIVERED".equals(getJson(coop.alice(), log).path(0).path("status").asText()));
        JsonNode delivery = getJson(coop.alice(), log).get(0);
        assertThat(delivery.get("event").asText()).isEqualTo("webhook.test");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastResponseCode").asInt()).isEqualTo(200);
        assertThat(delivery.get("attemptLog").findValuesAsText("responseCode")).containsExactly("500", "500", "200");
        assertThat(delivery.get("attemptLog").get(0).get("error").asText()).startsWith("answered 500");
        List<LoopbackReceiver.Received> tries = receiver.at("/flaky");
        assertThat(tries).hasSize(3);
        assertThat(tries.stream().map(r -> r.header("X-Plenum-Delivery")).distinct())
                .as("every retry carries the same delivery id, the receiver's idempotency key").hasSize(1);
        assertThat(tries.stream().map(WebhooksDeliverSignedEventsTest::attemptOf).toList()).containsExactly(1, 2, 3);
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutAndOtherCooperativesAreStillDelivered() throws Exception {
        AliceAndBob hanging = riversideWithAliceAndBob();
        AliceAndBob healthy = riversideWithAliceAndBob();
        String hangingId = register(hanging, receiver.url("/hang", LoopbackReceiver.HANG), "member.admitted")
                .get("webhookId").asText();
        register(healthy, receiver.url("/healthy"), "member.admitted");

        testDelivery(hanging, hangingId);
        eventually(() -> receiver.at("/hang").size() == 1);
        admitSomeone(healthy);

        eventually(() -> receiver.at("/healthy").size() == 1);
        String log = "/api/v1/cooperatives/" + hanging.coop() + "/webhooks/" + hangingId + "/deliveries";
        assertThat(getJson(hanging.alice(), log).get(0).get("attempts").asInt())
                .as("delivered while the other receiver still hangs, its first attempt unfinished").isZero();

        eventually(() -> getJson(hanging.alice(), log).path(0).path("attempts").asInt() >= 1);
        JsonNode first = getJson(hanging.alice(), log).get(0).get("attemptLog").get(0);
        assertThat(first.get("error").asText()).isEqualTo("timed out");
        assertThat(first.get("responseCode").isNull()).isTrue();
        assertThat(first.get("latencyMillis").asLong()).as("the 10 s total timeout").isBetween(9_500L, 30_000L);
    }

    @Test
    void handlingTheWholeLogAgainQueuesAndSendsNothingTwice() throws Exception {
        AliceAndBob coop = riversideWithAliceAndBob();
        String webhookId = register(coop, receiver.url("/once"), "member.admitted").get("webhookId").asText();
        admitSomeone(coop);
        admitSomeone(coop);
        eventually(() -> receiver.at("/once").size() == 2);

        // what a restart does when the processor's token lagged behind its writes, taken to the extreme
        PooledStreamingEventProcessor outbox = processing.eventProcessor("policy-webhooks", PooledStreamingEventProcessor.class)
                .orElseThrow();
        outbox.shutDown();
        outbox.resetTokens();
        outbox.start();
        eventually(() -> outbox.processingStatus().values().stream().allMatch(s -> s.isCaughtUp()));
        admitSomeone(coop);
        eventually(() -> receiver.at("/once").size() >= 3);
        Thread.sleep(1500);

        // a retry repeats a delivery id (at least once); a second queuing would bring a new one
        assertThat(receiver.at("/once").stream().map(r -> r.header("X-Plenum-Delivery")).distinct())
                .as("two before the replay, one after, none queued again").hasSize(3);
        String log = "/api/v1/cooperatives/" + coop.coop() + "/webhooks/" + webhookId + "/deliveries";
        assertThat(getJson(coop.alice(), log)).hasSize(3);
    }

    @Test
    void aBallotDeliveryCountsTheMembersWithABallotStandingEachOnceAndNamesThemOnlyOnAPublicVote() throws Exception {
        AliceAndBob coop = riversideWithAliceAndBob();
        register(coop, receiver.url("/ballots"), "ballot.cast");
        String proposals = "/api/v1/cooperatives/" + coop.coop() + "/proposals";
        String proposal = http.post().uri(proposals).headers(as(coop.alice())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Solar roof\",\"body\":\"Panels on the depot.\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri(proposals + "/" + proposal + "/opening").headers(as(coop.alice())).exchange().expectStatus().isNoContent();
        String aliceBallot = proposals + "/" + proposal + "/ballots/" + coop.aliceMember();
        String bobBallot = proposals + "/" + proposal + "/ballots/" + coop.bobMember();
        for (String[] ballot : List.of(new String[]{coop.alice(), aliceBallot, "YES"}, new String[]{coop.bob(), bobBallot, "NO"},
                new String[]{coop.alice(), aliceBallot, "NO"})) {
            http.put().uri(ballot[1]).headers(as(ballot[0])).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"choice\":\"" + ballot[2] + "\"}").exchange().expectStatus().isOk();
        }
        http.delete().uri(bobBallot).headers(as(coop.bob())).exchange().expectStatus().isNoContent();
        http.put().uri(bobBallot).headers(as(coop.bob())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().isOk();

        eventually(() -> receiver.at("/ballots").size() == 4);
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (LoopbackReceiver.Received r : receiver.at("/ballots")) {
            bodies.add(JSON.readTree(r.body()));
        }
        bodies.sort(java.util.Comparator.comparing(b -> b.at("/data/castAt").asText()));
        assertThat(bodies.stream().map(b -> b.at("/data/ballotsStanding").asInt()).toList())
                .as("Alice, Bob, Alice again (a recast), Bob after retracting").containsExactly(1, 2, 2, 2);
        assertThat(bodies.stream().map(b -> b.at("/data/memberId").asText()).toList())
                .containsExactly(coop.aliceMember(), coop.bobMember(), coop.aliceMember(), coop.bobMember());
        assertThat(bodies.get(0).at("/data/choice").isMissingNode()).as("what anyone voted is never told").isTrue();
    }

    /*
     * A ballot nobody is told of costs the webhook processor no bookkeeping (docs/integrations.md): so a webhook that
     * starts hearing of ballots in the middle of a vote, at registration or when enabled again, reports the count the
     * log gives, ballots cast and retracted before it included.
     */
    @Test
    void aWebhookThatStartsHearingOfBallotsMidVoteReportsTheCountOfEveryBallotStandingCastBeforeIt() throws Exception {
        AliceAndBob coop = riversideWithAliceAndBob();
        String proposals = "/api/v1/cooperatives/" + coop.coop() + "/proposals";
        String proposal = http.post().uri(proposals).headers(as(coop.alice())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Bike shed\",\"body\":\"Paint it.\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri(proposals + "/" + proposal + "/opening").headers(as(coop.alice())).exchange().expectStatus().isNoContent();
        String aliceBallot = proposals + "/" + proposal + "/ballots/" + coop.aliceMember();
        String bobBallot = proposals + "/" + proposal + "/ballots/" + coop.bobMember();
        cast(coop.alice(), aliceBallot, "YES");
        cast(coop.bob(), bobBallot, "NO");
        http.delete().uri(bobBallot).headers(as(coop.bob())).exchange().expectStatus().isNoContent();
        cast(coop.alice(), aliceBallot, "NO");
        // a fence: once a later submission is delivered, the processor has handled every ballot before it
        register(coop, receiver.url("/fence"), "proposal.submitted");
        http.post().uri(proposals).headers(as(coop.alice())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Fence\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated();
        eventually(() -> receiver.at("/fence").size() == 1);
        assertThat(mongo.getDatabase(database.name()).getCollection("webhook_voters")
                .countDocuments(com.mongodb.client.model.Filters.regex("_id", "^" + java.util.regex.Pattern.quote(proposal + "|"))))
                .as("no webhook hears of ballots: nothing is kept of them").isZero();

        String webhook = register(coop, receiver.url("/late"), "ballot.cast").get("webhookId").asText();
        cast(coop.bob(), bobBallot, "YES");
        eventually(() -> receiver.at("/late").size() == 1);

        String webhooks = "/api/v1/cooperatives/" + coop.coop() + "/webhooks/" + webhook;
        http.post().uri(webhooks + "/disable").headers(as(coop.alice())).exchange().expectStatus().is2xxSuccessful();
        http.delete().uri(aliceBallot).headers(as(coop.alice())).exchange().expectStatus().isNoContent();
        http.post().uri(webhooks + "/enable").headers(as(coop.alice())).exchange().expectStatus().is2xxSuccessful();
        cast(coop.bob(), bobBallot, "NO");
        eventually(() -> receiver.at("/late").size() == 2);

        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (LoopbackReceiver.Received r : receiver.at("/late")) {
            bodies.add(JSON.readTree(r.body()));
        }
        bodies.sort(java.util.Comparator.comparing(b -> b.at("/data/castAt").asText()));
        assertThat(bodies.stream().map(b -> b.at("/data/ballotsStanding").asInt()).toList())
                .as("Alice's (cast before the webhook) and Bob's; then Bob's alone, Alice having retracted while it was paused")
                .containsExactly(2, 1);
    }

    private void cast(String user, String ballot, String choice) {
        http.put().uri(ballot).headers(as(user)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"choice\":\"" + choice + "\"}").exchange().expectStatus().isOk();
    }

    @Test
    void aSecretBallotIsDeliveredAsTakingPartWithItsCountAndNothingOfItsSeal() throws Exception {
        AliceAndBob coop = riversideWithAliceAndBob();
        register(coop, receiver.url("/secret"), "ballot.cast");
        String proposals = "/api/v1/cooperatives/" + coop.coop() + "/proposals";
        String proposal = http.post().uri(proposals).headers(as(coop.alice())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Board pay\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"secrecy\":\"SECRET\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri(proposals + "/" + proposal + "/opening").headers(as(coop.alice())).exchange().expectStatus().isNoContent();
        String aliceBallot = proposals + "/" + proposal + "/ballots/" + coop.aliceMember();
        String bobBallot = proposals + "/" + proposal + "/ballots/" + coop.bobMember();
        http.put().uri(aliceBallot).headers(as(coop.alice())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().isOk();
        http.delete().uri(aliceBallot).headers(as(coop.alice())).exchange().expectStatus().isNoContent();
        http.put().uri(bobBallot).headers(as(coop.bob())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"choice\":\"NO\"}").exchange().expectStatus().isOk();

        eventually(() -> receiver.at("/secret").size() == 2);
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (LoopbackReceiver.Received r : receiver.at("/secret")) {
            bodies.add(JSON.readTree(r.body()));
            assertThat(r.body()).as("nothing of the ballot").doesNotContain("YES", "NO", "sealed");
        }
        bodies.sort(java.util.Comparator.comparing(b -> b.at("/data/castAt").asText()));
        assertThat(bodies.stream().map(b -> b.at("/data/ballotsStanding").asInt()).toList())
                .as("Alice, then Bob after Alice took hers back").containsExactly(1, 1);
        assertThat(bodies).allSatisfy(b -> assertThat(b.at("/data/secret").asBoolean()).isTrue());
    }

    @Test
    void aUrlThatPointsInwardIsRefusedNamingTheUrlAndNothingIsStored() {
        AliceAndBob coop = riversideWithAliceAndBob();
        long before = eventsInTheLog();
        for (String inward : List.of("https://169.254.169.254/latest/meta-data", "https://10.0.0.7/hook",
                "https://192.168.1.20/hook", "http://example.com/hook", "https://[fd00::1]/hook", "ftp://example.com/x")) {
            http.post().uri("/api/v1/cooperatives/" + coop.coop() + "/webhooks").headers(as(coop.alice()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"url\":\"" + inward + "\",\"events\":[\"voting.opened\"]}")
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.field").isEqualTo("url");
        }
        http.post().uri("/api/v1/cooperatives/" + coop.coop() + "/webhooks").headers(as(coop.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\":\"" + receiver.url("/x") + "\",\"events\":[\"voting.opened\",\"no.such.kind\"]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("events[1]");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void onlyASecretaryManagesWebhooks() {
        AliceAndBob coop = riversideWithAliceAndBob();
        String webhookId = register(coop, receiver.url("/mine"), "voting.closed").get("webhookId").asText();
        String base = "/api/v1/cooperatives/" + coop.coop() + "/webhooks";
        http.post().uri(base).headers(as(coop.bob())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\":\"" + receiver.url("/bob") + "\",\"events\":[\"voting.opened\"]}")
                .exchange().expectStatus().isForbidden();
        http.get().uri(base).headers(as(coop.bob())).exchange().expectStatus().isForbidden();
        http.get().uri(base + "/" + webhookId + "/deliveries").headers(as(coop.bob())).exchange().expectStatus().isForbidden();
        http.post().uri(base + "/" + webhookId + "/test").headers(as(coop.bob())).exchange().expectStatus().isForbidden();
        http.delete().uri(base + "/" + webhookId).headers(as(coop.bob())).exchange().expectStatus().isForbidden();
        http.get().uri(base).exchange().expectStatus().isUnauthorized();
        // another cooperative's secretary does not see this one's webhook
        AliceAndBob other = riversideWithAliceAndBob();
        http.post().uri("/api/v1/cooperatives/" + other.coop() + "/webhooks/" + webhookId + "/disable")
                .headers(as(other.alice())).exchange().expectStatus().isNotFound();

        http.post().uri(base + "/" + webhookId + "/disable").headers(as(coop.alice())).exchange().expectStatus().isNoContent();
        assertThat(getJson(coop.alice(), base).get(0).get("enabled").asBoolean()).isFalse();
        http.post().uri(base + "/" + webhookId + "/enable").headers(as(coop.alice())).exchange().expectStatus().isNoContent();
        http.delete().uri(base + "/" + webhookId).headers(as(coop.alice())).exchange().expectStatus().isNoContent();
        assertThat(getJson(coop.alice(), base)).isEmpty();
        http.get().uri(base + "/" + webhookId).headers(as(coop.alice())).exchange().expectStatus().isNotFound();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private JsonNode register(AliceAndBob coop, String url, String... kinds) {
        String events = String.join("\",\"", kinds);
        return http.post().uri("/api/v1/cooperatives/" + coop.coop() + "/webhooks").headers(as(coop.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\":\"" + url + "\",\"events\":[\"" + events + "\"]}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void testDelivery(AliceAndBob coop, String webhookId) {
        http.post().uri("/api/v1/cooperatives/" + coop.coop() + "/webhooks/" + webhookId + "/test").headers(as(coop.alice()))
                .exchange().expectStatus().isAccepted();
    }

    /** A new account applies as a user and the secretary admits them; answers the member id. */
    private String admitSomeone(AliceAndBob coop) {
        Cooperators steps = new Cooperators(http);
        String carol = unique("carol");
        createAccount(carol, "Carol Member");
        String member = steps.apply(coop.coop(), carol, "users");
        steps.command(coop.alice(), coop.coop(), member, "admission");
        return member;
    }

    private JsonNode getJson(String user, String path) {
        return http.get().uri(path).headers(as(user)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static int attemptOf(LoopbackReceiver.Received received) {
        try {
            return JSON.readTree(received.body()).get("attempt").asInt();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String hmacHex(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }
}
