package coop.plenum.api;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: "An accepted budget records the funded projects, and the ledger shows them as allocations to be spent",
 * over HTTP and on the ledger page of the booted application (the ledger policy, the Ledger aggregate and its read
 * model all real).
 */
class BudgetAllocationsInTheLedgerTest extends BootedPlenum {

    private String alice, bob, outsider;
    private String coop;
    private String aliceM, bobM;

    @BeforeEach
    void aCooperativeOfTwo() {
        Cooperators steps = new Cooperators(http);
        alice = unique("alice");
        bob = unique("bob");
        outsider = unique("olga");
        String a = createAccount(alice, "Alice");
        String b = createAccount(bob, "Bob");
        createAccount(outsider, "Olga");
        coop = foundCooperative("""
                {"name": "Allocations",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 0},
                                         {"id": "users", "name": "Users", "weight": 40, "quorum": 0}],
                             "topics": ["energy"]},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "users"}],
                 "secretaryAccountId": "%s"}""".formatted(a, b, a));
        aliceM = steps.memberIdOf(alice, coop, a);
        bobM = steps.memberIdOf(alice, coop, b);
    }

    /** Alice (share 60) approves the garden and the roof, Bob (share 40) the bikes and the roof: bikes and garden are funded. */
    private String anAcceptedBudget() {
        String p = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "Neighbourhood budget", "body": "", "topic": "energy", "kind": "GENERAL", "method": "BUDGET",
                         "budget": {"amount": "120.00", "currency": "EUR"},
                         "options": [{"id": "garden", "label": "A community garden", "cost": 60},
                                     {"id": "bikes", "label": "Cargo bikes", "cost": "40.00"},
                                     {"id": "roof", "label": "A new roof", "cost": 90}]}""")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, p).headers(as(alice)).exchange()
                .expectStatus().isNoContent();
        ballot(alice, p, aliceM, "{\"approve\": [\"garden\", \"roof\"]}");
        ballot(bob, p, bobM, "{\"approve\": [\"bikes\", \"roof\"]}");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, p).headers(as(alice)).exchange()
                .expectStatus().isNoContent();
        return p;
    }

    private void ballot(String who, String proposal, String member, String body) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(who))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().is2xxSuccessful();
    }

    private JsonNode allocations(String who) {
        return http.get().uri("/api/v1/cooperatives/{c}/allocations", coop).headers(as(who)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The ledger learns of the decision through its policy and projects it asynchronously: wait (bounded) for it. */
    private JsonNode allocationsOnceRecorded(String who) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode found = allocations(who);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = allocations(who);
        }
        return found;
    }

    @Test
    void anAcceptedBudgetShowsItsFundedProjectsAsAllocationsToBeSpentNamingTheDecidingProposal() throws InterruptedException {
        assertThat(allocations(bob)).isEmpty();
        String p = anAcceptedBudget();

        JsonNode all = allocationsOnceRecorded(bob);
        assertThat(all).hasSize(1);
        JsonNode decided = all.get(0);
        assertThat(decided.get("proposalId").asText()).isEqualTo(p);
        assertThat(decided.get("title").asText()).isEqualTo("Neighbourhood budget");
        assertThat(decided.get("currency").asText()).isEqualTo("EUR");
        assertThat(decided.get("budget").asText()).isEqualTo("120.00");
        assertThat(decided.get("allocated").asText()).isEqualTo("100.00");
        assertThat(decided.get("leftover").asText()).isEqualTo("20.00");
        assertThat(decided.at("/lines/0/project").asText()).isEqualTo("bikes");
        assertThat(decided.at("/lines/0/label").asText()).isEqualTo("Cargo bikes");
        assertThat(decided.at("/lines/0/amount").asText()).isEqualTo("40.00");
        assertThat(decided.at("/lines/1/project").asText()).isEqualTo("garden");
        assertThat(decided.at("/lines/1/amount").asText()).isEqualTo("60");
        assertThat(decided.get("lines")).hasSize(2).allSatisfy(l -> assertThat(l.get("status").asText()).isEqualTo("TO_BE_SPENT"));

        // one proposal's allocations, or none for another
        assertThat(http.get().uri("/api/v1/cooperatives/{c}/allocations?proposal={p}", coop, p).headers(as(alice)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()).hasSize(1);
        assertThat(http.get().uri("/api/v1/cooperatives/{c}/allocations?proposal=other", coop).headers(as(alice)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()).isEmpty();

        // the ledger page lists them, with a link to the deciding proposal
        String html = PageSession.signIn(http, bob).get("/cooperatives/{c}/ledger", coop).body();
        assertThat(html).contains("id=\"allocation-list\"", "Budget allocations", "Cargo bikes", "A community garden",
                        "40.00 EUR", "60 EUR", "to be spent", "Left unallocated: 20.00 EUR of a budget of 120.00 EUR")
                .contains("href=\"/cooperatives/" + coop + "/proposals/" + p + "\"")
                .contains(">Neighbourhood budget</a>")
                .doesNotContain("id=\"no-allocations\"");
    }

    @Test
    void aLedgerWithoutADecidedBudgetSaysSoOnItsPage() {
        String html = PageSession.signIn(http, bob).get("/cooperatives/{c}/ledger", coop).body();
        assertThat(html).contains("id=\"no-allocations\"", "No budget decided yet.").doesNotContain("id=\"allocation-list\"");
    }

    @Test
    void allocationsAreReadByMembersOnlyAndABadProposalFilterIsAProblemNamingIt() {
        http.get().uri("/api/v1/cooperatives/{c}/allocations", coop).headers(as(outsider)).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/cooperatives/{c}/allocations", "no-such-coop").headers(as(alice)).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/cooperatives/{c}/allocations?proposal={p}", coop, "x".repeat(101)).headers(as(alice)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("proposal");
    }
}
