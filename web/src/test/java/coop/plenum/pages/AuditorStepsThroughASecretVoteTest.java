package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 in the auditor's decision workspace: a secret vote's steps are who took part and who took their sealed
 * ballot back (never a choice: the log has none in clear), then at close its revealed ballots, anonymous, with the
 * count SecretCount gives; no step and no part of the page puts a member next to a choice.
 */
class AuditorStepsThroughASecretVoteTest extends PageScenario {

    private static final Pattern KIND = Pattern.compile("data-kind=\"([A-Za-z]+)\"");
    /** A choice of a YES_NO ballot as the page would print it. */
    private static final Pattern A_CHOICE = Pattern.compile("\\b(YES|NO|ABSTAIN)\\b");

    private String bob, cara, auditor;
    private String bobMember, caraMember;
    private String secret;

    @BeforeEach
    void aSecretVoteOfThreeWithARetractionAndAnAuditor() {
        aliceFoundsACooperative();
        bob = unique("bob");
        createAccount(bob, "Bob Member");
        bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        cara = unique("cara");
        createAccount(cara, "Cara Member");
        caraMember = steps.apply(coop, cara, "users");
        steps.command(alice, coop, caraMember, "admission");
        auditor = unique("auditor");
        String auditorId = createAccount(auditor, "Audra Auditor");
        steps.setRoles(alice, coop, auditorId, "[\"AUDITOR\"]");
        secret = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Admit the bakery\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"secrecy\":\"SECRET\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, secret).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        vote(alice, aliceMember, "YES");
        vote(bob, bobMember, "NO");
        vote(cara, caraMember, "YES");
        http.delete().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, secret, caraMember).headers(as(cara))
                .exchange().expectStatus().isNoContent();
    }

    private void vote(String who, String member, String choice) {
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, secret, member).headers(as(who))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + choice + "\"}").exchange()
                .expectStatus().is2xxSuccessful();
    }

    private void close() {
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, secret).headers(as(alice))
                .exchange().expectStatus().isNoContent();
    }

    private static List<String> stepKinds(String html) {
        List<String> kinds = new ArrayList<>();
        Matcher m = KIND.matcher(section(html, "id=\"steps\"", "</ol>"));
        while (m.find()) {
            kinds.add(m.group(1));
        }
        return kinds;
    }

    private static String section(String html, String from, String to) {
        int start = html.indexOf(from);
        assertThat(start).as("the page has %s", from).isNotNegative();
        return html.substring(start, html.indexOf(to, start));
    }

    private static String cell(String html, String classId, String field) {
        int row = html.indexOf("data-class=\"" + classId + "\"", html.indexOf("id=\"tally\""));
        Matcher m = Pattern.compile("data-field=\"" + field + "\">([^<]*)<").matcher(html);
        assertThat(m.find(row)).as("a %s cell for %s", field, classId).isTrue();
        return m.group(1);
    }

    private static java.math.BigDecimal turnout(String html, String classId) {
        return new java.math.BigDecimal(cell(html, classId, "turnout"));
    }

    /** The page's main part: the layout around it names the signed-in auditor, not a voter. */
    private static String main(String html) {
        return section(html, "<main", "</main>");
    }

    private void showsParticipationOnly(String html) {
        assertThat(html).contains("id=\"secret-while-open\"")
                .doesNotContain("data-field=\"yes\"", "data-field=\"no\"", "data-field=\"abstain\"", "id=\"revealed-ballots\"")
                .doesNotContain(" voted ");
        assertThat(A_CHOICE.matcher(main(html)).find()).as("a choice on the page: %s", main(html)).isFalse();
    }

    @Test
    void whileTheSecretVoteIsOpenEachStepSaysWhoTookPartAndThePageHoldsNoChoice() {
        PageSession page = signedIn(auditor);
        String latest = page.get("/cooperatives/{c}/audit/proposals/{p}", coop, secret).body();
        assertThat(stepKinds(latest)).containsExactly("VotingOpened", "SecretBallotCast", "SecretBallotCast",
                "SecretBallotCast", "SecretBallotRetracted");
        assertThat(latest).contains("Alice took part (sealed ballot)", "Bob Member took part (sealed ballot)",
                "Cara Member took the sealed ballot back", "Voting event 5 of 5");
        showsParticipationOnly(latest);

        for (int step = 0; step < 5; step++) {
            showsParticipationOnly(page.get("/cooperatives/{c}/audit/proposals/{p}?step={s}", coop, secret, step).body());
        }
        // the turnout as it stood at each step: alice alone in workers, bob and cara in users, cara's retraction
        assertThat(turnout(page.get("/cooperatives/{c}/audit/proposals/{p}?step=0", coop, secret).body(), "workers")).isEqualByComparingTo("0.000000");
        String alices = page.get("/cooperatives/{c}/audit/proposals/{p}?step=1", coop, secret).body();
        assertThat(turnout(alices, "workers")).isEqualByComparingTo("1.000000");
        assertThat(turnout(alices, "users")).isEqualByComparingTo("0.000000");
        assertThat(turnout(page.get("/cooperatives/{c}/audit/proposals/{p}?step=3", coop, secret).body(), "users")).isEqualByComparingTo("1.000000");
        assertThat(turnout(latest, "users")).isEqualByComparingTo("0.500000");
    }

    @Test
    void afterCloseTheRevealedBallotsAreOneAnonymousStepWhoseTallyIsTheRecordedCount() {
        vote(cara, caraMember, "NO");
        close();
        JsonNode recorded = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}/tally", coop, secret).headers(as(auditor))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        PageSession page = signedIn(auditor);
        String latest = page.get("/cooperatives/{c}/audit/proposals/{p}", coop, secret).body();
        List<String> kinds = stepKinds(latest);
        assertThat(kinds).containsExactly("VotingOpened", "SecretBallotCast", "SecretBallotCast", "SecretBallotCast",
                "SecretBallotRetracted", "SecretBallotCast", "SecretBallotsRevealed", "VotingClosed");
        assertThat(latest).contains("3 ballots revealed without their members (page 1 of 1)");

        // the steps while it was open still show participation only, now that the choices are public too
        for (int step = 0; step <= 5; step++) {
            showsParticipationOnly(page.get("/cooperatives/{c}/audit/proposals/{p}?step={s}", coop, secret, step).body());
        }

        String revealed = page.get("/cooperatives/{c}/audit/proposals/{p}?step=6", coop, secret).body();
        assertThat(revealed).contains("Voting event 7 of 8");
        String table = section(revealed, "id=\"revealed-ballots\"", "</table>");
        List<String> tags = new ArrayList<>();
        Matcher tag = Pattern.compile("data-tag=\"([0-9a-f]{64})\"").matcher(table);
        while (tag.find()) {
            tags.add(tag.group(1));
        }
        assertThat(tags).as("every ballot that counts, in tag order").hasSize(3).isSorted();
        List<String> ballots = new ArrayList<>();
        Matcher ballot = Pattern.compile("data-field=\"ballot\">([^<]*)<").matcher(table);
        while (ballot.find()) {
            ballots.add(ballot.group(1));
        }
        assertThat(ballots).containsExactlyInAnyOrder("YES", "NO", "NO");
        for (String who : List.of(aliceMember, bobMember, caraMember, "Alice", "Bob Member", "Cara Member", alice, bob, cara)) {
            assertThat(table).as("a revealed ballot next to " + who).doesNotContain(who);
        }

        // the tally at the revealed step is SecretCount's, the one recorded at close and answered by the API
        for (JsonNode c : recorded.get("classes")) {
            String classId = c.get("classId").asText();
            assertThat(cell(revealed, classId, "yes")).as(classId).isEqualTo(c.get("yes").asText());
            assertThat(cell(revealed, classId, "no")).as(classId).isEqualTo(c.get("no").asText());
            assertThat(cell(revealed, classId, "abstain")).as(classId).isEqualTo(c.get("abstain").asText());
        }
        assertThat(cell(revealed, "users", "no")).isEqualTo("2.000000");
        assertThat(revealed).doesNotContain("id=\"secret-while-open\"");
        String closed = page.get("/cooperatives/{c}/audit/proposals/{p}?step=7", coop, secret).body();
        assertThat(closed).contains("Voting event 8 of 8").doesNotContain("id=\"revealed-ballots\"");
        assertThat(cell(closed, "workers", "yes")).isEqualTo(cell(revealed, "workers", "yes"));
        assertThat(closed).contains("id=\"tally-outcome\"");

        // an instant typed in: from the instant the close names, the close (its events are stored moments later, in
        // the same transaction); the millisecond before, the last sealed ballot and who took part
        java.time.Instant closedAt = java.time.Instant.parse(recorded.get("asOf").asText());
        String atTheClose = page.get("/cooperatives/{c}/audit/proposals/{p}?asOf={t}", coop, secret, closedAt.toString()).body();
        assertThat(atTheClose).contains("Voting event 8 of 8");
        assertThat(cell(atTheClose, "users", "no")).isEqualTo("2.000000");
        String justBefore = page.get("/cooperatives/{c}/audit/proposals/{p}?asOf={t}", coop, secret,
                closedAt.minusMillis(1).toString()).body();
        assertThat(justBefore).contains("Voting event 6 of 8");
        showsParticipationOnly(justBefore);
    }
}
