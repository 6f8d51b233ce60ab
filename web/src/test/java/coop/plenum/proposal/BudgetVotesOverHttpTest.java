package coop.plenum.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Voting methods", BUDGET over HTTP on the booted application: a budget and projects with costs submitted (bad
 * ones are a 400 naming the field and store nothing), approval ballots, the live tally with Equal Shares and greedy
 * side by side, and the closing result listing the funded projects.
 */
class BudgetVotesOverHttpTest extends BootedPlenum {

    private static final String PROJECTS = """
            [{"id": "garden", "label": "A community garden", "cost": 60},
             {"id": "bikes", "label": "Cargo bikes", "cost": "40.00"},
             {"id": "roof", "label": "A new roof", "cost": 90}]""";

    private Cooperators steps;
    private String alice, bob;   // alice: workers (60); bob: users (40)
    private String aliceM, bobM;
    private String coop;

    @BeforeEach
    void aCooperativeOfTwo() {
        steps = new Cooperators(http);
        alice = unique("alice");
        bob = unique("bob");
        String a = createAccount(alice, "Alice");
        String b = createAccount(bob, "Bob");
        coop = foundCooperative("""
                {"name": "Budget",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 60, "quorum": 0},
                                         {"id": "users", "name": "Users", "weight": 40, "quorum": 0}],
                             "topics": ["energy"]},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "users"}],
                 "secretaryAccountId": "%s"}""".formatted(a, b, a));
        aliceM = steps.memberIdOf(alice, coop, a);
        bobM = steps.memberIdOf(alice, coop, b);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec submit(String budget, String projects) {
        return http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"What do we fund?\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\","
                        + "\"method\":\"BUDGET\"" + (budget == null ? "" : ",\"budget\":" + budget) + ",\"options\":" + projects + "}")
                .exchange();
    }

    private void refused(String budget, String projects, String field) {
        submit(budget, projects).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field);
    }

    private JsonNode get(String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(as(bob)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void ballot(String as, String proposal, String member, String body, int status) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, member).headers(as(as))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().value(got -> assertThat(got / 100).isEqualTo(status / 100));
    }

    @Test
    void aBadBudgetOrCostIsRefusedNamingTheFieldAndStoresNothing() {
        long before = eventsInTheLog();
        refused(null, PROJECTS, "budget");
        refused("{\"amount\": -1, \"currency\": \"EUR\"}", PROJECTS, "budget.amount");
        refused("{\"amount\": 1e13, \"currency\": \"EUR\"}", PROJECTS, "budget.amount");
        refused("{\"amount\": 100, \"currency\": \"EURO\"}", PROJECTS, "budget.currency");
        refused("{\"amount\": 100, \"currency\": \"EUR\"}", "[{\"id\": \"a\", \"label\": \"A\"}, {\"id\": \"b\", \"label\": \"B\", \"cost\": 5}]",
                "options[0].cost");
        refused("{\"amount\": 100, \"currency\": \"EUR\"}", "[{\"id\": \"a\", \"label\": \"A\", \"cost\": 0.001}, {\"id\": \"b\", \"label\": \"B\", \"cost\": 5}]",
                "options[0].cost");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void aBudgetVoteCountsByEqualSharesBesideGreedyAndClosesListingTheFundedProjects() {
        String p = submit("{\"amount\": \"100.00\", \"currency\": \"EUR\"}", PROJECTS).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, p).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        JsonNode proposal = get("/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(proposal.get("method").asText()).isEqualTo("BUDGET");
        assertThat(proposal.at("/budget/amount").asText()).isEqualTo("100.00");
        assertThat(proposal.at("/budget/currency").asText()).isEqualTo("EUR");
        assertThat(proposal.at("/options/2/cost").asText()).isEqualTo("90");

        ballot(bob, p, bobM, "{\"choice\": \"YES\"}", 400);
        ballot(bob, p, bobM, "{\"approve\": [\"bikes\", \"pool\"]}", 400);
        ballot(alice, p, aliceM, "{\"approve\": [\"garden\", \"roof\"]}", 204);
        ballot(bob, p, bobM, "{\"approve\": [\"bikes\", \"roof\"]}", 204);

        JsonNode live = get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p);
        assertThat(live.get("method").asText()).isEqualTo("BUDGET");
        assertThat(live.get("outcome").isNull()).isTrue();
        assertThat(live.at("/budget/funded").toString()).isEqualTo("[\"bikes\",\"garden\"]");
        assertThat(live.at("/budget/greedy").toString()).isEqualTo("[\"roof\"]");

        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, p).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        JsonNode closed = get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p);
        assertThat(closed.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(closed.get("winners").toString()).isEqualTo("[\"bikes\",\"garden\"]");
        assertThat(closed.at("/budget/spent").asText()).isEqualTo("100.000000");
        assertThat(closed.at("/budget/leftover").asText()).isEqualTo("0.000000");
        assertThat(closed.at("/budget/greedySpent").asText()).isEqualTo("90.000000");
        // bikes: bob alone paid its 40 from his share of 40
        assertThat(closed.at("/budget/projects/1/perSupporter").asText()).isEqualTo("40.000000");
        assertThat(closed.at("/budget/projects/1/payers").asLong()).isEqualTo(1);
        assertThat(closed.at("/budget/projects/2/funded").asBoolean()).isFalse();
        assertThat(closed.at("/budget/projects/2/greedy").asBoolean()).isTrue();
        assertThat(get("/api/v1/cooperatives/{c}/proposals/{p}", coop, p).get("winners").toString())
                .isEqualTo("[\"bikes\",\"garden\"]");
    }
}
