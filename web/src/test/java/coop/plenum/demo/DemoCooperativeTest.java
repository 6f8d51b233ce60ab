package coop.plenum.demo;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BootedPlenum;
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
    void theDemoSeedsACooperativeWithMembersContributionsDelegationsAndVotesInEveryStateOnce() {
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
        for (JsonNode p : get("/api/v1/cooperatives/{c}/proposals", coop)) {
            states.add(p.get("state").asText());
            if (p.get("state").asText().equals("CLOSED")) {
                decided = p.get("proposalId").asText();
            }
        }
        assertThat(states).containsExactlyInAnyOrder("CLOSED", "VOTING", "DELIBERATION");
        JsonNode tally = get("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, decided);
        // workers approve (abstention aside), users follow dev's NO through emma's and hugo's delegations,
        // investors follow ada through finn's: 0.5 × 1 + 0.3 × 0 + 0.2 × 1
        assertThat(tally.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(tally.get("approval").asText()).isEqualTo("0.700000");
        assertThat(tally.at("/classes/1/no").asText()).isEqualTo("4.000000");

        JsonNode contributions = get("/api/v1/cooperatives/{c}/contributions", coop);
        List<String> contributionStates = new ArrayList<>();
        contributions.forEach(c -> contributionStates.add(c.get("status").asText()));
        assertThat(contributionStates).contains("ACCEPTED", "PENDING", "REJECTED");
        JsonNode revenues = get("/api/v1/cooperatives/{c}/revenues", coop);
        assertThat(revenues).hasSize(2);
        assertThat(get("/api/v1/cooperatives/{c}/open-book", coop).get("projects")).hasSizeGreaterThanOrEqualTo(3);
    }
}
