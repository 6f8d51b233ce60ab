package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "each member's … time zone (dates in their zone, UTC in the API)": the same closing time reads in each
 * reader's zone on the pages, with the zone named, while the API keeps the instant in UTC.
 */
class PagesShowTimesInTheReadersTimeZoneTest extends PageScenario {

    private AliceAndBob r;

    @BeforeEach
    void riverside() {
        r = riversideWithAliceAndBob();
    }

    @Test
    void aClosingTimeReadsInEachReadersZoneOnThePagesAndInUtcInTheApi() {
        http.put().uri("/api/v1/accounts/me/profile").headers(as(r.alice())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\":\"Alice Secretary\",\"timeZone\":\"Europe/Madrid\",\"language\":\"en\"}")
                .exchange().expectStatus().isNoContent();
        String p = propose(r, "Winter opening hours", ",\"votingClosesAt\":\"2030-01-15T18:00:00Z\"");
        act(r, p, "opening");

        assertThat(proposalPage(r.alice(), p)).contains("15 Jan 19:00 CET").doesNotContain("15 Jan 18:00");
        assertThat(proposalPage(r.bob(), p)).contains("15 Jan 18:00 UTC");
        assertThat(signedIn(r.alice()).get("/").body()).as("the home page's votes waiting").contains("15 Jan 2030, 19:00 CET");

        JsonNode api = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", r.coop(), p).headers(as(r.alice()))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(api.toString()).contains("2030-01-15T18:00:00Z");
    }

    private String proposalPage(String who, String p) {
        PageSession.Answer answer = signedIn(who).get("/cooperatives/{c}/proposals/{p}", r.coop(), p);
        assertThat(answer.code()).as("%s", answer).isEqualTo(200);
        return answer.body();
    }
}
