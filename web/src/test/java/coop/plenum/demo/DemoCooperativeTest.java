package coop.plenum.demo;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.secret.ReceiptTags;
import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
import coop.plenum.support.PageSession;
import coop.plenum.web.demo.DemoCooperative;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Storage and running": the demo option seeds a living cooperative, once, through the ordinary commands. */
class DemoCooperativeTest extends BootedPlenum {

    @Autowired
    DemoCooperative demo;

    private JsonNode get(String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(h -> h.setBasicAuth("ada", "demo-secret")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void theDemoSeedsACooperativeWithMembersContributionsDelegationsAndVotesInEveryStateAndMethodOnce() throws InterruptedException {
        assertThat(demo.seed("demo-secret")).isTrue();
        assertThat(demo.seed("demo-secret")).as("seeded once").isFalse();

        JsonNode mine = get("/api/v1/cooperatives");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("name").asText()).isEqualTo(DemoCooperative.COOPERATIVE_NAME);
        String coop = mine.get(0).get("cooperativeId").asText();

        List<String> statuses = new ArrayList<>();
        get("/api/v1/cooperatives/{c}/members", coop).forEach(m -> statuses.add(m.get("status").asText()));
        assertThat(statuses).hasSize(8).contains("APPLIED").filteredOn("ACTIVE"::equals).hasSize(7);

        List<String> states = new ArrayList<>();
        String decided = null;
        String consent = null;
        String ranked = null;
        String election = null;
        String budget = null;
        String secret = null;
        for (JsonNode p : get("/api/v1/cooperatives/{c}/proposals", coop)) {
            String state = p.get("state").asText();
            String method = p.get("method").asText();
            states.add(state + " " + method);
            if (p.path("secrecy").asText().equals("SECRET")) {
                secret = p.get("proposalId").asText();
            } else if (state.equals("CLOSED") && method.equals("YES_NO")) {
                decided = p.get("proposalId").asText();
            } else if (method.equals("CONSENT")) {
                consent = p.get("proposalId").asText();
            } else if (method.equals("RANKED")) {
                ranked = p.get("proposalId").asText();
            } else if (method.equals("ELECTION")) {
                election = p.get("proposalId").asText();
            } else if (method.equals("BUDGET")) {
                budget = p.get("proposalId").asText();
            }
        }
        assertThat(states).containsExactlyInAnyOrder("CLOSED YES_NO", "VOTING YES_NO", "DELIBERATION YES_NO",
                "CLOSED CONSENT", "VOTING RANKED", "CLOSED ELECTION", "CLOSED BUDGET", "CLOSED YES_NO");
        // the secret vote: seven anonymous ballots revealed, each findable by its voter's demo receipt
        JsonNode revealed = get("/api/v1/cooperatives/{c}/proposals/{p}/revealed-ballots", coop, secret);
        assertThat(revealed.get("count").asInt()).isEqualTo(7);
        String chloesTag = ReceiptTags.tag(new ProposalId(secret), "demo-receipt-of-chloe");
        assertThat(revealed.get("ballots").findValuesAsText("tag")).contains(chloesTag);
        assertThat(get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, secret).get("outcome").asText()).isIn("ACCEPTED", "REJECTED");
        JsonNode tally = get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, decided);
        // workers approve (abstention aside), users follow dev's NO through emma's and hugo's delegations,
        // investors follow ada through finn's: 0.5 × 1 + 0.3 × 0 + 0.2 × 1
        assertThat(tally.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(tally.get("approval").asText()).isEqualTo("0.700000");
        assertThat(tally.at("/classes/1/no").asText()).isEqualTo("4.000000");

        // one objection, with its reason, blocks the consent decision
        JsonNode consentTally = get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, consent);
        assertThat(consentTally.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(consentTally.get("objections")).hasSize(1);
        assertThat(consentTally.at("/objections/0/reason").asText()).startsWith("Two months is too long");
        // the ranked vote is open with ballots: a live pairwise matrix over its four options
        JsonNode rankedTally = get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, ranked);
        assertThat(rankedTally.get("state").asText()).isEqualTo("VOTING");
        assertThat(rankedTally.get("options")).hasSize(4);
        assertThat(rankedTally.at("/pairwise/school-roof/allotments").asText()).isNotEqualTo("0.000000");

        // the board election is decided: two workers and one user elected, each class counted round by round
        JsonNode board = get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, election);
        assertThat(board.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(board.get("winners")).hasSize(3);
        assertThat(board.at("/election/classes/0/elected")).hasSize(2);
        assertThat(board.at("/election/classes/1/elected")).hasSize(1);
        // workers: chloe's surplus in round 1 (ben ranked her first) moves on and elects ben in round 2
        assertThat(board.at("/election/classes/0/rounds")).hasSize(2);
        JsonNode surplusRound = board.at("/election/classes/0/rounds/1");
        assertThat(surplusRound.get("action").asText()).isEqualTo("ELECTED");
        List<String> fallenKeepValues = new ArrayList<>();
        surplusRound.get("keepValues").forEach(k -> {
            if (new java.math.BigDecimal(k.asText()).compareTo(java.math.BigDecimal.ONE) < 0) {
                fallenKeepValues.add(k.asText());
            }
        });
        assertThat(fallenKeepValues).as("chloe's keep value, below 1 once elected").hasSize(1);
        List<String> losses = new ArrayList<>();
        surplusRound.get("transfers").forEach(t -> {
            if (t.asText().startsWith("-")) {
                losses.add(t.asText());
            }
        });
        assertThat(losses).as("chloe's surplus, transferred").hasSize(1);
        // the charter gives the board's seats, and the election, which named none of its own, took them
        JsonNode charter = get("/api/v1/cooperatives/{c}", coop).get("charter");
        assertThat(charter.at("/seats/workers").asInt()).isEqualTo(2);
        assertThat(charter.at("/seats/users").asInt()).isEqualTo(1);
        assertThat(charter.at("/seats").has("investors")).isFalse();
        JsonNode boardProposal = get("/api/v1/cooperatives/{c}/proposals/{p}", coop, election);
        assertThat(boardProposal.get("title").asText()).isEqualTo("Board for 2027");
        assertThat(boardProposal.get("seats")).isEqualTo(charter.get("seats"));
        assertThat(board.at("/election/classes/0/seats").asInt()).isEqualTo(2);
        assertThat(board.at("/election/classes/1/seats").asInt()).isEqualTo(1);
        // the participatory budget is decided: Equal Shares funded projects within the 12,000 EUR, greedy beside it
        JsonNode budgetTally = get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, budget);
        assertThat(budgetTally.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(budgetTally.get("winners")).isNotEmpty();
        assertThat(budgetTally.at("/budget/projects")).hasSize(5);
        assertThat(new java.math.BigDecimal(budgetTally.at("/budget/spent").asText())).isLessThanOrEqualTo(new java.math.BigDecimal("12000"));
        assertThat(budgetTally.at("/budget/greedy")).isNotEmpty();
        // and the ledger shows the funded projects as allocations to be spent, decided by that budget
        JsonNode allocations = get("/api/v1/cooperatives/{c}/allocations", coop);
        for (long deadline = System.nanoTime() + 20_000_000_000L; allocations.isEmpty() && System.nanoTime() < deadline; ) {
            Thread.sleep(100);
            allocations = get("/api/v1/cooperatives/{c}/allocations", coop);
        }
        assertThat(allocations).hasSize(1);
        assertThat(allocations.at("/0/proposalId").asText()).isEqualTo(budget);
        assertThat(allocations.at("/0/lines")).hasSize(budgetTally.get("winners").size());
        // the first funded project is spent (a little under its allocation), the others are still to be spent
        assertThat(allocations.at("/0/lines/0/status").asText()).isEqualTo("SPENT");
        assertThat(new java.math.BigDecimal(allocations.at("/0/lines/0/remaining").asText())).isPositive();
        assertThat(allocations.at("/0/lines/1/status").asText()).isEqualTo("TO_BE_SPENT");
        assertThat(PageSession.signIn(http, "ada", "demo-secret").get("/cooperatives/{c}/ledger", coop).body())
                .contains("id=\"allocation-list\"", "data-decided-by=\"" + budget + "\"", "to be spent");

        JsonNode contributions = get("/api/v1/cooperatives/{c}/contributions", coop);
        List<String> contributionStates = new ArrayList<>();
        contributions.forEach(c -> contributionStates.add(c.get("status").asText()));
        assertThat(contributionStates).contains("ACCEPTED", "PENDING", "REJECTED");
        JsonNode revenues = get("/api/v1/cooperatives/{c}/revenues", coop);
        assertThat(revenues).hasSize(2);
        assertThat(get("/api/v1/cooperatives/{c}/open-book", coop).get("projects")).hasSizeGreaterThanOrEqualTo(3);
    }
}
