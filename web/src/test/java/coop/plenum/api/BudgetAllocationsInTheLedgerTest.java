package coop.plenum.api;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: "An accepted budget records the funded projects, and the ledger shows them as allocations to be spent",
 * and a secretary marks each line spent, over HTTP and on the ledger page of the booted application (the ledger
 * policy, the Ledger aggregate and its read model all real).
 */
class BudgetAllocationsInTheLedgerTest extends BootedPlenum {

    private String alice, bob, outsider;
    private String aliceAccount;
    private String coop;
    private String aliceM, bobM;

    @BeforeEach
    void aCooperativeOfTwo() {
        Cooperators steps = new Cooperators(http);
        alice = unique("alice");
        bob = unique("bob");
        outsider = unique("olga");
        String a = createAccount(alice, "Alice");
        aliceAccount = a;
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
                        "40.00 EUR", "60.00 EUR", "to be spent", "Left unallocated: 20.00 EUR of a budget of 120.00 EUR")
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

    private WebTestClient.ResponseSpec spend(String who, String proposal, String body) {
        return http.post().uri("/api/v1/cooperatives/{c}/allocations/{p}/spending", coop, proposal).headers(as(who))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void refused(WebTestClient.ResponseSpec answer, int status, String field) {
        var body = answer.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        if (field != null) {
            body.jsonPath("$.field").isEqualTo(field);
        }
    }

    @Test
    void aSecretaryMarksALineSpentAndTheLedgerShowsSpentAndRemainingPerLineAndInTotal() throws InterruptedException {
        String p = anAcceptedBudget();
        allocationsOnceRecorded(bob);

        JsonNode answered = spend(alice, p, """
                {"project": "garden", "amount": "52.5", "note": "Invoice 41, seeds and soil"}""")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode read = allocations(bob).get(0);
        assertThat(read).isEqualTo(answered);
        assertThat(read.get("allocated").asText()).isEqualTo("100.00");
        assertThat(read.get("spent").asText()).isEqualTo("52.50");
        assertThat(read.get("remaining").asText()).isEqualTo("47.50");
        assertThat(read.get("leftover").asText()).isEqualTo("20.00");
        JsonNode bikes = read.at("/lines/0");
        assertThat(bikes.get("status").asText()).isEqualTo("TO_BE_SPENT");
        assertThat(bikes.get("spent").asText()).isEqualTo("0.00");
        assertThat(bikes.get("remaining").asText()).isEqualTo("40.00");
        assertThat(bikes.get("spentAt").isNull()).isTrue();
        JsonNode garden = read.at("/lines/1");
        assertThat(garden.get("project").asText()).isEqualTo("garden");
        assertThat(garden.get("status").asText()).isEqualTo("SPENT");
        assertThat(garden.get("amount").asText()).isEqualTo("60");
        assertThat(garden.get("spent").asText()).isEqualTo("52.50");
        assertThat(garden.get("remaining").asText()).isEqualTo("7.50");
        assertThat(garden.get("note").asText()).isEqualTo("Invoice 41, seeds and soil");
        assertThat(garden.get("spentBy").asText()).isEqualTo(aliceAccount);
        assertThat(garden.get("spentAt").asText()).isNotBlank();

        // members read it on the ledger page; only a secretary is offered the form, and only on the open line
        String bobsPage = PageSession.signIn(http, bob).get("/cooperatives/{c}/ledger", coop).body();
        assertThat(bobsPage).contains("52.50 EUR", "7.50 EUR", "spent on", "Invoice 41, seeds and soil",
                "Total", "47.50 EUR", "to be spent").doesNotContain("spend-form");
        String alicesPage = PageSession.signIn(http, alice).get("/cooperatives/{c}/ledger", coop).body();
        assertThat(alicesPage.split("class=\"stack spend-form\"", -1)).as("one form, for the open line").hasSize(2);
        assertThat(alicesPage).contains("Amount spent (EUR)", "Note (optional)", "Mark spent");
    }

    @Test
    void markingALineSpentIsRefusedAsProblemJsonNamingTheFieldAndStoresNothing() throws InterruptedException {
        String p = anAcceptedBudget();
        JsonNode before = allocationsOnceRecorded(bob);

        refused(spend(bob, p, "{\"project\": \"bikes\", \"amount\": \"10\"}"), 403, null);
        refused(spend(outsider, p, "{\"project\": \"bikes\", \"amount\": \"10\"}"), 403, null);
        refused(spend(alice, "no-such-proposal", "{\"project\": \"bikes\", \"amount\": \"10\"}"), 404, null);
        refused(spend(alice, p, "{\"project\": \"roof\", \"amount\": \"10\"}"), 404, null);
        refused(spend(alice, p, "{\"project\": \"bikes\", \"amount\": \"40.01\"}"), 400, "amount");
        refused(spend(alice, p, "{\"project\": \"bikes\", \"amount\": \"1.005\"}"), 400, "amount");
        refused(spend(alice, p, "{\"project\": \"bikes\", \"amount\": \"-1\"}"), 400, "amount");
        refused(spend(alice, p, "{\"project\": \"bikes\", \"amount\": \"1E+1000\"}"), 400, "amount");
        refused(spend(alice, p, "{\"project\": \"bikes\"}"), 400, "amount");
        refused(spend(alice, p, "{\"amount\": \"1\"}"), 400, "project");
        refused(spend(alice, p, "{\"project\": \"bikes\", \"amount\": \"1\", \"note\": \"" + "x".repeat(2001) + "\"}"), 400, "note");
        refused(spend(alice, "x".repeat(101), "{\"project\": \"bikes\", \"amount\": \"1\"}"), 400, "proposalId");
        assertThat(allocations(bob)).isEqualTo(before);

        spend(alice, p, "{\"project\": \"bikes\", \"amount\": \"40\"}").expectStatus().isOk();
        JsonNode spentOnce = allocations(bob);
        refused(spend(alice, p, "{\"project\": \"bikes\", \"amount\": \"1\"}"), 409, null);
        assertThat(allocations(bob)).isEqualTo(spentOnce);
        assertThat(spentOnce.at("/0/lines/0/spent").asText()).isEqualTo("40.00");
        assertThat(spentOnce.at("/0/lines/0/remaining").asText()).isEqualTo("0.00");
    }

    @Test
    void aSecretaryMarksALineSpentFromTheLedgerPageAndARefusedAmountIsShownAgainOnItsLine() throws InterruptedException {
        String p = anAcceptedBudget();
        allocationsOnceRecorded(bob);
        PageSession page = PageSession.signIn(http, alice);

        PageSession.Answer refused = page.post("/cooperatives/{c}/ledger/allocations/{p}/spending",
                Map.of("project", "bikes", "amount", "45", "note", "Velo invoice"), coop, p);
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"spending-refusal\"", "at most the 40.00 EUR allocated can be spent on this line",
                "value=\"45\"", "value=\"Velo invoice\"", "aria-invalid=\"true\"");
        assertThat(allocations(bob).at("/0/lines/0/status").asText()).isEqualTo("TO_BE_SPENT");

        PageSession.Answer done = page.post("/cooperatives/{c}/ledger/allocations/{p}/spending",
                Map.of("project", "bikes", "amount", "38.00", "note", ""), coop, p);
        assertThat(done.code()).isBetween(300, 399);
        assertThat(done.location()).contains("/cooperatives/" + coop + "/ledger?notice=");
        JsonNode bikes = allocations(bob).at("/0/lines/0");
        assertThat(bikes.get("status").asText()).isEqualTo("SPENT");
        assertThat(bikes.get("spent").asText()).isEqualTo("38.00");
        assertThat(bikes.get("note").isNull()).isTrue();

        PageSession.Answer bobTries = PageSession.signIn(http, bob).post("/cooperatives/{c}/ledger/allocations/{p}/spending",
                Map.of("project", "garden", "amount", "1"), coop, p);
        assertThat(bobTries.code()).isEqualTo(403);
        assertThat(bobTries.body()).contains("id=\"refusal\"", "only a secretary of this cooperative records what a budget line spent");
    }

    private String openBookCsv(String who) {
        return http.get().uri("/api/v1/cooperatives/{c}/open-book.csv", coop).headers(as(who)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void theOpenBookListsEachBudgetAllocationAndSpendingAsRowsAndLeavesEveryOtherRowAsItWas() throws InterruptedException {
        http.post().uri("/api/v1/cooperatives/{c}/contributions", coop).headers(as(bob)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"project\":\"garden\",\"type\":\"WORK_HOURS\",\"quantity\":2,\"description\":\"Digging\","
                        + "\"occurredOn\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\"}")
                .exchange().expectStatus().isCreated();
        String before = openBookCsv(bob);
        String p = anAcceptedBudget();
        allocationsOnceRecorded(bob);
        spend(alice, p, "{\"project\": \"garden\", \"amount\": \"52.5\", \"note\": \"Invoice 41, seeds and soil\"}")
                .expectStatus().isOk();

        String after = openBookCsv(bob);
        java.util.List<String> rows = java.util.List.of(after.split("\r\n"));
        assertThat(String.join("\r\n", rows.stream().filter(r -> !r.startsWith("BUDGET_")).toList()) + "\r\n")
                .as("the header and every row from before, byte for byte").isEqualTo(before);
        java.util.List<String> budgetRows = rows.stream().filter(r -> r.startsWith("BUDGET_")).toList();
        assertThat(budgetRows).hasSize(3);
        assertThat(budgetRows.get(0)).matches("BUDGET_ALLOCATION,[^,]+Z,,,,,bikes,,,,,,,40\\.00,EUR,Cargo bikes \\(proposal " + p + "\\)");
        assertThat(budgetRows.get(1)).matches("BUDGET_ALLOCATION,[^,]+Z,,,,,garden,,,,,,,60\\.00,EUR,A community garden \\(proposal " + p + "\\)");
        assertThat(budgetRows.get(2)).matches("BUDGET_SPENT,[^,]+Z,,,,,garden,,,,,,,52\\.50,EUR,\"Invoice 41, seeds and soil\"");
        // the browser's download is the same book
        assertThat(PageSession.signIn(http, bob).get(MediaType.valueOf("text/csv"), "/cooperatives/{c}/open-book.csv", coop).body())
                .isEqualTo(after);

        JsonNode book = http.get().uri("/api/v1/cooperatives/{c}/open-book", coop).headers(as(bob)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(book.get("budgets")).hasSize(1);
        assertThat(book.at("/budgets/0/proposalId").asText()).isEqualTo(p);
        assertThat(book.at("/budgets/0/allocated").asText()).isEqualTo("100.00");
        assertThat(book.at("/budgets/0/spent").asText()).isEqualTo("52.50");
        assertThat(book.at("/budgets/0/lines/1/status").asText()).isEqualTo("SPENT");
        assertThat(book.get("members")).isNotEmpty();
    }
}
