package coop.plenum.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "the result lists funded projects, what each supporter paid": {@code GET …/proposals/{p}/budget/payments/
 * {memberId}} and {@code …/me} on the booted application. An open budget's count is public, so any member or auditor
 * reads anyone's payments; a secret budget's never; before the close there is nothing to tell.
 */
class BudgetPaymentsOverHttpTest extends BootedPlenum {

    private String alice, bob, cara, auditor, outsider;
    private String coop;
    private String aliceM, bobM, caraM;

    @BeforeEach
    void aCooperativeOfThreeAndAnAuditor() {
        Cooperators steps = new Cooperators(http);
        alice = unique("alice");
        bob = unique("bob");
        cara = unique("cara");
        auditor = unique("audrey");
        outsider = unique("olga");
        String a = createAccount(alice, "Alice");
        String b = createAccount(bob, "Bob");
        String c = createAccount(cara, "Cara");
        String d = createAccount(auditor, "Audrey");
        createAccount(outsider, "Olga");
        coop = foundCooperative("""
                {"name": "Payments",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 0},
                                         {"id": "users", "name": "Users", "weight": 40, "quorum": 0}],
                             "topics": ["energy"]},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "users"},
                              {"accountId": "%s", "classId": "users"}],
                 "secretaryAccountId": "%s"}""".formatted(a, b, c, a));
        aliceM = steps.memberIdOf(alice, coop, a);
        bobM = steps.memberIdOf(alice, coop, b);
        caraM = steps.memberIdOf(alice, coop, c);
        steps.setRoles(alice, coop, d, "[\"AUDITOR\"]");
    }

    private String submit(String body) {
        return http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
    }

    private static final String BUDGET = """
            {"title": "Neighbourhood budget", "body": "", "topic": "energy", "kind": "GENERAL", "method": "BUDGET",%s
             "budget": {"amount": "120.00", "currency": "EUR"},
             "options": [{"id": "garden", "label": "A community garden", "cost": 60},
                         {"id": "bikes", "label": "Cargo bikes", "cost": "40.00"},
                         {"id": "roof", "label": "A new roof", "cost": 90}]}""";

    private void open(String p) {
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, p).headers(as(alice)).exchange()
                .expectStatus().isNoContent();
    }

    private void ballot(String who, String p, String member, String body) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, p, member).headers(as(who))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().is2xxSuccessful();
    }

    /**
     * Alice (workers: a share of 72) approves the garden and the roof; Bob and Cara (users: 24 each) the bikes and the
     * roof; the bikes (20 each from Bob and Cara) and the garden (60 from Alice) are funded, the roof is out of reach.
     */
    private String aDecidedBudget() {
        String p = submit(BUDGET.formatted(""));
        open(p);
        ballot(alice, p, aliceM, "{\"approve\": [\"garden\", \"roof\"]}");
        ballot(bob, p, bobM, "{\"approve\": [\"bikes\", \"roof\"]}");
        ballot(cara, p, caraM, "{\"approve\": [\"bikes\", \"roof\"]}");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, p).headers(as(alice)).exchange()
                .expectStatus().isNoContent();
        return p;
    }

    private WebTestClient.ResponseSpec payments(String who, String p, String member) {
        return http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/budget/payments/{m}", coop, p, member).headers(as(who))
                .exchange();
    }

    /** The close is projected asynchronously: ask (bounded) until the budget reads as decided. */
    private JsonNode paymentsOnceDecided(String who, String p, String member) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            var answer = payments(who, p, member).returnResult(JsonNode.class);
            JsonNode body = answer.getResponseBody().blockFirst();
            if (answer.getStatus().value() == 200 || System.nanoTime() > deadline) {
                assertThat(answer.getStatus().value()).as("payments of %s: %s", member, body).isEqualTo(200);
                return body;
            }
            Thread.sleep(100);
        }
    }

    private void refused(WebTestClient.ResponseSpec answer, int status, String code) {
        answer.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    @Test
    void aMemberReadsWhatTheyPaidTowardsEachFundedProjectExactlyAndInTotal() throws InterruptedException {
        String p = aDecidedBudget();

        JsonNode mine = paymentsOnceDecided(alice, p, aliceM);
        assertThat(mine.get("proposalId").asText()).isEqualTo(p);
        assertThat(mine.get("memberId").asText()).isEqualTo(aliceM);
        assertThat(mine.get("currency").asText()).isEqualTo("EUR");
        assertThat(mine.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(mine.get("tookPart").asBoolean()).isTrue();
        assertThat(mine.get("payments")).hasSize(1);
        assertThat(mine.at("/payments/0/projectId").asText()).isEqualTo("garden");
        assertThat(mine.at("/payments/0/label").asText()).isEqualTo("A community garden");
        assertThat(mine.at("/payments/0/amountExact").asText()).isEqualTo("60/1");
        assertThat(mine.at("/payments/0/amountInCurrency").asText()).isEqualTo("60.00");
        assertThat(mine.get("totalExact").asText()).isEqualTo("60/1");
        assertThat(mine.get("totalInCurrency").asText()).isEqualTo("60.00");

        JsonNode bobs = payments(bob, p, bobM).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(bobs.at("/payments/0/projectId").asText()).isEqualTo("bikes");
        assertThat(bobs.get("totalExact").asText()).isEqualTo("20/1");
    }

    @Test
    void meIsTheCallersOwnMembership() throws InterruptedException {
        String p = aDecidedBudget();
        paymentsOnceDecided(alice, p, caraM);

        JsonNode mine = payments(cara, p, "me").expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(mine.get("memberId").asText()).isEqualTo(caraM);
        assertThat(mine.get("totalInCurrency").asText()).isEqualTo("20.00");
    }

    @Test
    void anyMemberOrAuditorReadsAnyonesPaymentsOfAnOpenBudgetAndNobodyElse() throws InterruptedException {
        String p = aDecidedBudget();
        JsonNode alicesOwn = paymentsOnceDecided(alice, p, aliceM);

        assertThat(payments(bob, p, aliceM).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody())
                .isEqualTo(alicesOwn);
        assertThat(payments(auditor, p, aliceM).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody())
                .isEqualTo(alicesOwn);
        refused(payments(outsider, p, aliceM), 403, "cooperative.forbidden");
        // an auditor who is no member has no payments of their own
        refused(payments(auditor, p, "me"), 404, "budget.payments-not-in-electorate");
    }

    @Test
    void aSecretBudgetNeverTellsWhatAnyonePaid() {
        String p = submit(BUDGET.formatted(" \"secrecy\": \"SECRET\","));

        refused(payments(alice, p, aliceM), 409, "budget.payments-secret");
        refused(payments(alice, p, "me"), 409, "budget.payments-secret");
        refused(payments(auditor, p, bobM), 409, "budget.payments-secret");
    }

    @Test
    void aBudgetNotYetDecidedHasNoPaymentsToTell() {
        String p = submit(BUDGET.formatted(""));
        refused(payments(alice, p, aliceM), 409, "budget.payments-not-decided");
        open(p);
        ballot(alice, p, aliceM, "{\"approve\": [\"garden\"]}");
        refused(payments(bob, p, aliceM), 409, "budget.payments-not-decided");
    }

    @Test
    void aProposalOfAnotherMethodHasNoPayments() {
        String p = submit("{\"title\": \"Solar panels\", \"body\": \"\", \"topic\": \"energy\", \"kind\": \"GENERAL\"}");

        refused(payments(alice, p, aliceM), 404, "budget.payments-not-a-budget");
        refused(payments(alice, "no-such-proposal", aliceM), 404, "proposal.not-found");
    }

    @Test
    void aMemberOutsideTheElectorateIsNotFoundAndAMalformedIdIsAProblemNamingIt() throws InterruptedException {
        String p = aDecidedBudget();
        paymentsOnceDecided(alice, p, aliceM);

        refused(payments(alice, p, "no-such-member"), 404, "budget.payments-not-in-electorate");
        payments(alice, p, "x".repeat(101)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("memberId");
    }
}
