package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "Home": a signed-in member sees the open votes that wait for their ballot (with the closing time and the
 * time left in words, and whether a delegate's ballot counts for them meanwhile), the peers' contributions they may
 * still evaluate, and the latest decisions, newest first, with the outcome in words. Riverside: Alice (workers,
 * secretary) and Bob (users).
 */
class HomeShowsWhatWaitsForYouTest extends PageScenario {

    private AliceAndBob r;

    @BeforeEach
    void riverside() {
        r = riversideWithAliceAndBob();
    }

    /** A vote the secretary closes by hand. */
    private String openVote(String title) {
        return openVote(title, "");
    }

    /** A vote that closes by itself three days (and five minutes) from now. */
    private String openVoteClosingInThreeDays(String title) {
        return openVote(title, ",\"votingClosesAt\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(3)).plusSeconds(300) + "\"");
    }

    private String openVote(String title, String schedule) {
        String p = propose(r, title, schedule);
        act(p, "opening");
        return p;
    }

    private void act(String p, String action) {
        act(r, p, action);
    }

    private void vote(String p, String who, String member, String choice) {
        vote(r, p, who, member, choice);
    }

    private String home(String who) {
        PageSession.Answer answer = signedIn(who).get("/");
        assertThat(answer.code()).as("%s", answer).isEqualTo(200);
        isAPlenumPage(answer);
        return answer.body();
    }

    /** The part of the page inside one section. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void anOpenVoteWaitsForAMemberUntilTheyVoteWithItsClosingTimeAndTheTimeLeftInWords() {
        String p = openVoteClosingInThreeDays("Solar roof");
        String votes = section(home(r.bob()), "votes-waiting");
        assertThat(votes).contains("data-proposal-id=\"" + p + "\"").contains("Solar roof").contains("in Riverside Energy")
                .containsPattern("<time class=\"closes-at\" datetime=\"[^\"]+\">\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC</time>")
                .containsPattern("\\(in 3 days( \\d+ minutes?)?\\)")
                .contains("Nobody has voted for you by delegation: your voting power is not counted until you vote.");

        vote(p, r.bob(), r.bobMember(), "YES");
        assertThat(section(home(r.bob()), "votes-waiting")).doesNotContain(p).contains("No open vote waits for your ballot.");
        // Alice has not voted: still waiting for her
        assertThat(section(home(r.alice()), "votes-waiting")).contains("data-proposal-id=\"" + p + "\"");
    }

    @Test
    void aSecretBallotIsTheMembersOwnSoTheVoteStopsWaitingForThemAndARetractionPutsItBack() {
        String p = openVote("Admit Cara quietly", ",\"secrecy\":\"SECRET\"");
        assertThat(section(home(r.bob()), "votes-waiting")).contains("data-proposal-id=\"" + p + "\"");

        vote(p, r.bob(), r.bobMember(), "NO");
        assertThat(section(home(r.bob()), "votes-waiting")).doesNotContain(p).contains("No open vote waits for your ballot.");
        assertThat(section(home(r.alice()), "votes-waiting")).as("only its voter").contains("data-proposal-id=\"" + p + "\"");

        http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", r.coop(), p, r.bobMember()).headers(as(r.bob()))
                .exchange().expectStatus().isNoContent();
        assertThat(section(home(r.bob()), "votes-waiting")).as("a retracted secret ballot: the vote waits again")
                .contains("data-proposal-id=\"" + p + "\"");
    }

    @Test
    void whenADelegateHasVotedTheHomeSaysWhoseBallotCountsForTheMemberMeanwhile() {
        http.put().uri("/api/v1/cooperatives/{c}/members/{m}/delegations/{s}", r.coop(), r.bobMember(), "_global")
                .headers(as(r.bob())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"delegateId\":\"" + r.aliceMember() + "\"}").exchange().expectStatus().isNoContent();
        String p = openVote("Wind turbine");
        assertThat(section(home(r.bob()), "votes-waiting")).contains("Nobody has voted for you by delegation");

        vote(p, r.alice(), r.aliceMember(), "YES");
        String votes = section(home(r.bob()), "votes-waiting");
        assertThat(votes).contains("data-proposal-id=\"" + p + "\"")
                .contains("Alice Secretary’s ballot counts for you through your delegation until you vote yourself.")
                .doesNotContain("Nobody has voted for you");
    }

    @Test
    void aPeersPendingContributionWaitsForTheMembersVerdictButNeverTheirOwn() {
        String contribution = http.post().uri("/api/v1/cooperatives/{c}/contributions", r.coop()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"project\":\"depot\",\"type\":\"WORK_HOURS\",\"quantity\":\"2\",\"description\":\"wiring\",\"occurredOn\":\""
                        + java.time.LocalDate.now().minusDays(1) + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("contributionId").asText();

        String bobs = section(home(r.bob()), "evaluations-waiting");
        assertThat(bobs).contains("data-contribution-id=\"" + contribution + "\"").contains("Alice Secretary")
                .contains("2 work hours").contains("depot").contains("0 of 2 verdicts so far");
        assertThat(section(home(r.alice()), "evaluations-waiting")).doesNotContain(contribution)
                .contains("No peer’s contribution waits for your verdict.");

        http.post().uri("/api/v1/cooperatives/{c}/contributions/{k}/evaluations", r.coop(), contribution).headers(as(r.bob()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"verdict\":\"ACCEPT\"}")
                .exchange().expectStatus().isCreated();
        assertThat(section(home(r.bob()), "evaluations-waiting")).doesNotContain(contribution);
    }

    @Test
    void closedVotesAreListedAsRecentDecisionsNewestFirstWithTheOutcomeInWords() {
        String first = openVote("Solar roof");
        vote(first, r.alice(), r.aliceMember(), "YES");
        vote(first, r.bob(), r.bobMember(), "YES");
        act(first, "closing");
        String second = openVote("Bigger battery");
        vote(second, r.alice(), r.aliceMember(), "YES");
        act(second, "closing");

        String html = home(r.bob());
        String decisions = section(html, "recent-decisions");
        assertThat(decisions).contains("Solar roof", "Bigger battery")
                .containsPattern("Accepted</span>[\\s\\S]*closed <time")
                .contains("Not decided: a class fell short of its quorum");
        assertThat(decisions.indexOf(second)).as("newest first").isLessThan(decisions.indexOf(first));
        assertThat(section(html, "votes-waiting")).doesNotContain(first).doesNotContain(second);
    }

    @Test
    void anApplicantSeesNothingOfTheCooperativesVotesYet() {
        openVote("Solar roof");
        String carol = unique("carol");
        createAccount(carol, "Carol Applicant");
        new coop.plenum.support.Cooperators(http).apply(r.coop(), carol, "users");
        String html = home(carol);
        assertThat(section(html, "votes-waiting")).doesNotContain("Solar roof");
        assertThat(section(html, "recent-decisions")).contains("No vote has closed yet.");
    }
}
