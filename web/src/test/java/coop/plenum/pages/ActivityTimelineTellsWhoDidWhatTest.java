package coop.plenum.pages;

import coop.plenum.support.Cooperators;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "a cooperative activity timeline for members (who did what, when)": built from the events, newest first,
 * twenty a page; it tells who voted on a public vote but never how, who took part in a secret one (and not one who took
 * their ballot back), leaves out the ballots of a vote that hides them until it closes, and is read only by the
 * cooperative's readers (an applicant or an outsider gets the 403 page).
 * Riverside: Alice (workers, secretary) and Bob (users).
 */
class ActivityTimelineTellsWhoDidWhatTest extends PageScenario {

    private AliceAndBob r;

    @BeforeEach
    void riverside() {
        r = riversideWithAliceAndBob();
    }

    private String propose(String title, String extra) {
        return propose(r, title, extra);
    }

    private void act(String p, String action) {
        act(r, p, action);
    }

    private void vote(String p, String who, String member, String choice) {
        vote(r, p, who, member, choice);
    }

    private String timeline(String who, String query) {
        PageSession.Answer answer = signedIn(who).get("/cooperatives/{c}/activity" + query, r.coop());
        assertThat(answer.code()).as("%s", answer).isEqualTo(200);
        isAPlenumPage(answer);
        return answer.body();
    }

    @Test
    void theTimelineTellsWhoDidWhatNewestFirstAndARecastOnce() {
        String p = propose("Solar roof", "");
        act(p, "opening");
        vote(p, r.bob(), r.bobMember(), "YES");
        vote(p, r.bob(), r.bobMember(), "NO");
        act(p, "closing");
        http.put().uri("/api/v1/cooperatives/{c}/members/{m}/delegations/{s}", r.coop(), r.bobMember(), "_global")
                .headers(as(r.bob())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"delegateId\":\"" + r.aliceMember() + "\"}").exchange().expectStatus().isNoContent();
        String contribution = contribution(r.coop(), r.alice());
        http.post().uri("/api/v1/cooperatives/{c}/contributions/{k}/evaluations", r.coop(), contribution).headers(as(r.bob()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"verdict\":\"ACCEPT\"}")
                .exchange().expectStatus().isCreated();

        String html = timeline(r.bob(), "").replaceAll("\\s+", " ");
        String[] inOrder = {
                "<strong>Bob Member</strong> <span>accepted</span> <span>Alice Secretary’s contribution</span>",
                "<strong>Alice Secretary</strong> logged a contribution<span> to depot</span>",
                "<strong>Bob Member</strong> delegated to <strong>Alice Secretary</strong>",
                "Voting closed on <a",
                "<strong>Bob Member</strong> voted on <a",
                "Voting opened on <a",
                "<strong>Alice Secretary</strong> submitted <a",
                "<strong>Bob Member</strong> joined<span> (class users)</span>"};
        int at = -1;
        for (String line : inOrder) {
            int found = html.indexOf(line);
            assertThat(found).as("%s after the previous line in %s", line, html).isGreaterThan(at);
            at = found;
        }
        assertThat(html.split("<strong>Bob Member</strong> voted on <a", -1)).as("a recast is the same member voting, told once")
                .hasSize(2);
        assertThat(html).contains("for every topic").contains("“Solar roof”")
                // who voted, never how
                .doesNotContainIgnoringCase(">no<");
        assertThat(signedIn(r.bob()).get("/cooperatives/{c}", r.coop()).body()).contains("id=\"activity-link\"");
    }

    @Test
    void theBallotsOfAVoteHiddenUntilItClosesNeverAppear() {
        String p = propose("Secret-ish", ",\"visibility\":\"AFTER_CLOSE\"");
        act(p, "opening");
        vote(p, r.bob(), r.bobMember(), "YES");
        assertThat(timeline(r.alice(), "")).contains("Voting opened on").doesNotContain("voted on");
        act(p, "closing");
        assertThat(timeline(r.alice(), "")).contains("Voting closed on").doesNotContain("voted on");
    }

    @Test
    void aSecretVoteTellsWhoTookPartNeverHowAndNotAMemberWhoTookTheirBallotBack() {
        String p = propose("Admit Cara quietly", ",\"secrecy\":\"SECRET\"");
        act(p, "opening");
        vote(p, r.bob(), r.bobMember(), "NO");
        vote(p, r.alice(), r.aliceMember(), "YES");
        retract(p, r.alice(), r.aliceMember());

        String open = timeline(r.alice(), "").replaceAll("\\s+", " ");
        assertThat(open).contains("<strong>Bob Member</strong> took part in the secret vote on <a")
                .contains("“Admit Cara quietly”")
                .as("Alice took her ballot back: she does not take part").doesNotContain("<strong>Alice Secretary</strong> took part")
                .as("never \"voted\", never a choice").doesNotContain("voted on").doesNotContainIgnoringCase(">no<")
                .doesNotContainIgnoringCase(">yes<");

        act(p, "closing");
        String closed = timeline(r.bob(), "").replaceAll("\\s+", " ");
        assertThat(closed).contains("Voting closed on").contains("<strong>Bob Member</strong> took part in the secret vote on <a");
        assertThat(closed.split("took part in the secret vote on", -1)).as("one entry: Bob's").hasSize(2);

        speaks(r.alice(), "Alice Secretary", "de");
        speaks(r.bob(), "Bob Member", "es");
        assertThat(timeline(r.alice(), "").replaceAll("\\s+", " ")).containsPattern(
                "<strong>Bob Member</strong> hat an der geheimen Abstimmung über <a[^>]*>[^<]*Admit Cara quietly[^<]*</a> teilgenommen")
                .doesNotContain("took part");
        assertThat(timeline(r.bob(), "").replaceAll("\\s+", " "))
                .contains("<strong>Bob Member</strong> participó en la votación secreta sobre <a").doesNotContain("took part");
    }

    private void speaks(String who, String displayName, String language) {
        http.put().uri("/api/v1/accounts/me/profile").headers(as(who)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\":\"" + displayName + "\",\"timeZone\":\"UTC\",\"language\":\"" + language + "\"}")
                .exchange().expectStatus().isNoContent();
    }

    private void retract(String p, String who, String member) {
        http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", r.coop(), p, member).headers(as(who))
                .exchange().expectStatus().isNoContent();
    }

    @Test
    void anApplicantAndAnOutsiderGetTheForbiddenPage() {
        String carol = unique("carol");
        createAccount(carol, "Carol Applicant");
        new Cooperators(http).apply(r.coop(), carol, "users");
        String dan = unique("dan");
        createAccount(dan, "Dan Outsider");
        for (String who : new String[]{carol, dan}) {
            PageSession.Answer answer = signedIn(who).get("/cooperatives/{c}/activity", r.coop());
            assertThat(answer.code()).as(who).isEqualTo(403);
            isAPlenumPage(answer);
            assertThat(answer.body()).doesNotContain("Bob Member");
        }
    }

    @Test
    void theTimelineGoesBackTwentyEntriesAPageAndRefusesAPageItCannotTake() {
        for (int i = 1; i <= 20; i++) {
            propose("Motion " + i, "");
        }
        // 20 submissions and Bob's admission
        String first = timeline(r.bob(), "");
        assertThat(first.split("class=\"timeline-entry\"", -1)).hasSize(21);
        assertThat(first).contains("id=\"older-page\"").doesNotContain("id=\"newer-page\"").contains("Motion 20");
        String second = timeline(r.bob(), "?page=2");
        assertThat(second.split("class=\"timeline-entry\"", -1)).hasSize(2);
        assertThat(second).contains("Bob Member</strong> joined").contains("id=\"newer-page\"").doesNotContain("id=\"older-page\"");
        PageSession.Answer refused = signedIn(r.bob()).get("/cooperatives/{c}/activity?page=abc", r.coop());
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).contains("page is a number from 1 to 500");
    }

    @Test
    void rebuildingTheTimelineFromTheLogGivesTheSameEntries() {
        String p = propose("Solar roof", "");
        act(p, "opening");
        vote(p, r.bob(), r.bobMember(), "YES");
        act(p, "closing");
        contribution(r.coop(), r.bob());
        String secret = propose("Admit Cara quietly", ",\"secrecy\":\"SECRET\"");
        act(secret, "opening");
        vote(secret, r.bob(), r.bobMember(), "YES");
        vote(secret, r.alice(), r.aliceMember(), "NO");
        retract(secret, r.alice(), r.aliceMember());
        vote(secret, r.bob(), r.bobMember(), "NO");
        String before = entries(timeline(r.alice(), ""));
        assertThat(before).contains("voted on", "Voting closed on", "logged a contribution", "took part in the secret vote on");

        asOperator(http.post().uri("/api/v1/operations/read-model-rebuild")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.caughtUp").isEqualTo(true);
        assertThat(entries(timeline(r.alice(), ""))).isEqualTo(before);
    }

    /** The timeline's entries alone (the rest of the page carries a session's CSRF token). */
    private static String entries(String html) {
        int start = html.indexOf("<ol class=\"timeline\"");
        assertThat(start).isPositive();
        return html.substring(start, html.indexOf("</ol>", start));
    }
}
