package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, the web UI of the voting methods: proposing with a method and options through the form, a ballot form per
 * method posting through the same command path as the API (a refused one is shown again as typed, with the reason,
 * and stores nothing), and the results per method on the proposal page.
 */
class VoteMethodPagesTest extends PageScenario {

    private PageSession page;

    @BeforeEach
    void aliceIsSignedIn() {
        aliceFoundsACooperative();
        page = signedIn(alice);
    }

    private PageSession.Answer proposeThroughTheForm(String method, String options) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("title", "Which energy?", "body", "Choose our next project",
                "topic", "energy", "kind", "GENERAL", "method", method));
        if (options != null) {
            form.put("options", options);
        }
        return page.post("/cooperatives/{c}/proposals", form, coop);
    }

    private String proposalIn(PageSession.Answer redirect) {
        assertThat(redirect.code()).as("%s", redirect).isEqualTo(303);
        return redirect.location().substring(redirect.location().lastIndexOf('/') + 1);
    }

    private JsonNode api(String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(as(alice)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void act(String proposal, String action) {
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/{a}", coop, proposal, action).headers(as(alice))
                .exchange().expectStatus().isNoContent();
    }

    private String openVoteOverTheApi(String method, String options) {
        return openVoteOverTheApi(method, options, "PUBLIC");
    }

    private String openVoteOverTheApi(String method, String options, String visibility) {
        JsonNode created = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Which energy?\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"method\":\""
                        + method + "\"" + (options == null ? "" : ",\"options\":" + options)
                        + ",\"visibility\":\"" + visibility + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String p = created.get("proposalId").asText();
        act(p, "opening");
        return p;
    }

    private PageSession.Answer ballot(String proposal, Map<String, String> fields) {
        return page.post("/cooperatives/{c}/proposals/{p}/ballot", fields, coop, proposal);
    }

    private String proposalPage(String proposal) {
        PageSession.Answer answer = page.get("/cooperatives/{c}/proposals/{p}", coop, proposal);
        assertThat(answer.code()).as("%s", answer).isEqualTo(200);
        return answer.body();
    }

    @Test
    void aRankedVoteProposedThroughTheFormGetsIdsFromItsLabelsAndItsBallotFormRanksAndShowsTheSchulzeMatrix() {
        String p = proposalIn(proposeThroughTheForm("RANKED", "Wind turbine\n\nSolar park\r\nNeither\n"));
        JsonNode stored = api("/api/v1/cooperatives/{c}/proposals/{p}", coop, p);
        assertThat(stored.get("method").asText()).isEqualTo("RANKED");
        assertThat(stored.at("/options/0/id").asText()).isEqualTo("wind-turbine");
        assertThat(stored.at("/options/1/id").asText()).isEqualTo("solar-park");
        assertThat(stored.at("/options/2/label").asText()).isEqualTo("Neither");
        assertThat(stored.get("options")).hasSize(3);
        act(p, "opening");

        assertThat(proposalPage(p)).contains("id=\"rank-wind-turbine\"").doesNotContain("id=\"vote-yes\"");
        // equal numbers tie, a blank is unranked
        PageSession.Answer cast = ballot(p, Map.of("rank-solar-park", "1", "rank-neither", "1", "rank-wind-turbine", " "));
        assertThat(cast.code()).as("%s", cast).isEqualTo(303);
        assertThat(api("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p).at("/pairwise/solar-park/wind-turbine").asText())
                .isEqualTo("1.000000");
        cast = ballot(p, Map.of("rank-wind-turbine", "2", "rank-solar-park", "1", "rank-neither", "3"));
        assertThat(cast.code()).as("%s", cast).isEqualTo(303);

        String live = proposalPage(p);
        assertThat(live).contains("you ranked Solar park, then Wind turbine, then Neither")
                .containsPattern("id=\"rank-solar-park\" value=\"1\"").containsPattern("id=\"rank-neither\" value=\"3\"")
                .contains("id=\"pairwise-matrix\"").contains("id=\"strongest-paths\"").contains("<caption>")
                .contains("scope=\"row\"").contains("Solar park leads as things stand");

        act(p, "closing");
        String closed = proposalPage(p);
        assertThat(closed).contains("Decided: Solar park won (Schulze).").doesNotContain("id=\"ballot-form\"")
                .contains("title=\"1.000000\"");
        JsonNode tally = api("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, p);
        assertThat(tally.at("/winners/0").asText()).isEqualTo("solar-park");
    }

    @Test
    void aBadOptionListIsShownAgainOnTheFormNamingTheOptionsAndNothingIsStored() {
        for (String[] bad : new String[][]{{"RANKED", "Only one option"}, {"APPROVAL", "\n  \n"}, {"SCORE", null},
                {"RANKED", "x".repeat(201) + "\nShort"}, {"SOMETIMES", "A\nB"}}) {
            long before = eventsInTheLog();
            PageSession.Answer answer = proposeThroughTheForm(bad[0], bad[1]);
            assertThat(answer.code()).as("%s → %s", String.join("|", bad[0], String.valueOf(bad[1])), answer).isEqualTo(400);
            isAPlenumPage(answer);
            assertThat(answer.body()).contains("id=\"submit-proposal\"").contains("Choose our next project");
            if (bad[0].equals("SOMETIMES")) {
                assertThat(answer.body()).contains("method is one of");
            } else {
                assertThat(answer.body()).containsPattern("id=\"options\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"options\"");
            }
            assertThat(eventsInTheLog()).as("nothing stored").isEqualTo(before);
        }
        PageSession.Answer one = proposeThroughTheForm("RANKED", "Only one option");
        assertThat(one.body()).contains("needs 2 to 50 options").contains("Only one option").contains("<code>only-one-option</code>");
    }

    @Test
    void anObjectionWithoutAReasonIsShownAgainOnTheBallotFormAndNothingIsStored() {
        String p = openVoteOverTheApi("CONSENT", null);
        assertThat(proposalPage(p)).contains("id=\"consent-object\"").contains("no objection so far");
        long before = eventsInTheLog();
        PageSession.Answer refused = ballot(p, Map.of("consent", "OBJECT", "reason", "  "));
        assertThat(refused.code()).as("%s", refused).isEqualTo(400);
        isAPlenumPage(refused);
        assertThat(refused.body()).contains("an objection needs a reason")
                .containsPattern("value=\"OBJECT\" id=\"consent-object\"[^>]*checked")
                .containsPattern("id=\"ballot-reason\"[^>]*aria-invalid=\"true\"");
        assertThat(ballot(p, Map.of("consent", "MAYBE")).code()).isEqualTo(400);
        assertThat(eventsInTheLog()).as("nothing stored").isEqualTo(before);

        assertThat(ballot(p, Map.of("consent", "OBJECT", "reason", "The <costs> are not in the plan")).code()).isEqualTo(303);
        String page1 = proposalPage(p);
        assertThat(page1).contains("you object").contains("id=\"objections\"")
                .contains("The &lt;costs&gt; are not in the plan").doesNotContain("The <costs>");

        assertThat(ballot(p, Map.of("choice", "RETRACT")).code()).isEqualTo(303);
        assertThat(proposalPage(p)).contains("id=\"no-ballot\"").contains("no objection so far");
        assertThat(ballot(p, Map.of("consent", "CONSENT")).code()).isEqualTo(303);
        act(p, "closing");
        assertThat(proposalPage(p)).contains("Decided: accepted by consent, with no objection standing.");
    }

    @Test
    void aRankedVoteHiddenUntilCloseTakesBallotsThroughTheFormButShowsNoResultsUntilItCloses() {
        String p = openVoteOverTheApi("RANKED", "[{\"id\": \"solar\", \"label\": \"Solar panels\"}, "
                + "{\"id\": \"wind\", \"label\": \"A turbine\"}]", "AFTER_CLOSE");
        assertThat(ballot(p, Map.of("rank-wind", "1", "rank-solar", "2")).code()).isEqualTo(303);
        String open = proposalPage(p);
        assertThat(open).contains("you ranked A turbine, then Solar panels").contains("id=\"tally-hidden\"")
                .doesNotContain("id=\"method-results\"").doesNotContain("id=\"pairwise-matrix\"");
        act(p, "closing");
        assertThat(proposalPage(p)).contains("id=\"method-results\"").contains("Decided: A turbine won (Schulze).")
                .contains("id=\"pairwise-matrix\"");
    }

    @Test
    void approvalAndScoreBallotsFromTheFormCountAndTheResultsShowBarsWithTheExactDecimals() {
        String options = "[{\"id\": \"solar\", \"label\": \"Solar panels\"}, {\"id\": \"wind\", \"label\": \"A turbine\"}, "
                + "{\"id\": \"none\", \"label\": \"Neither\"}]";
        String approval = openVoteOverTheApi("APPROVAL", options);
        PageSession.Answer cast = page.postRaw("/cooperatives/{c}/proposals/{p}/ballot", MediaType.APPLICATION_FORM_URLENCODED,
                "approve=solar&approve=wind&reason=", coop, approval);
        assertThat(cast.code()).as("%s", cast).isEqualTo(303);
        String approvalPage = proposalPage(approval);
        assertThat(approvalPage).contains("you approved Solar panels, A turbine")
                .containsPattern("value=\"solar\" id=\"approve-solar\"[^>]*checked")
                .contains("id=\"option-bars\"").contains("100\u00a0%").contains("width:100%");

        String score = openVoteOverTheApi("SCORE", options);
        long before = eventsInTheLog();
        PageSession.Answer refused = ballot(score, Map.of("score-solar", "5", "score-wind", "six"));
        assertThat(refused.code()).as("%s", refused).isEqualTo(400);
        assertThat(refused.body()).contains("a score is a whole number 0 to 5");
        PageSession.Answer unknown = ballot(score, Map.of("score-solar", "5", "score-coal", "2"));
        assertThat(unknown.code()).as("%s", unknown).isEqualTo(400);
        assertThat(unknown.body()).contains("scores names only this proposal");
        assertThat(eventsInTheLog()).as("nothing stored").isEqualTo(before);

        assertThat(ballot(score, Map.of("score-solar", "5", "score-wind", "2", "score-none", "0")).code()).isEqualTo(303);
        String scorePage = proposalPage(score);
        // one worker scores wind 2 of 5: 0.4 in the only class that took part
        assertThat(scorePage).as("a slider per option (issue 12: score sliders), each at the member's current score")
                .containsPattern("type=\"range\" min=\"0\" max=\"5\" step=\"1\" list=\"score-marks\"[^>]*name=\"score-wind\"[^>]*value=\"2\"")
                .contains("<datalist id=\"score-marks\">");
        assertThat(scorePage).contains("you scored Solar panels 5, A turbine 2, Neither 0")
                .contains("title=\"0.400000\"").contains("40\u00a0%");
        act(score, "closing");
        assertThat(proposalPage(score)).contains("Decided: Solar panels won.");
    }
}
