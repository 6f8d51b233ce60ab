package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "the proposal list shows author, deadline and participation, with search and paging": each proposal says
 * who wrote it, its state, when its vote closes and how many electors voted; the list searches titles and texts
 * (case-insensitive, literally) and goes back twenty at a time with newer/older links; a search or page the list
 * cannot take is a 400 page naming the field, never a server error. Riverside: Alice (workers) and Bob (users).
 */
class ProposalListShowsAuthorDeadlineTurnoutSearchAndPagesTest extends PageScenario {

    private static final Pattern LISTED = Pattern.compile("<li data-proposal-id=\"([^\"]+)\"");

    private AliceAndBob r;

    @BeforeEach
    void riverside() {
        r = riversideWithAliceAndBob();
    }

    private String propose(String title, String body, String schedule) {
        JsonNode created = http.post().uri("/api/v1/cooperatives/{c}/proposals", r.coop()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"topic\":\"energy\",\"kind\":\"GENERAL\"" + schedule + "}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("proposalId").asText();
    }

    /** The list with the query string (its {@code {q}}, if any, filled with {@code typed}, encoded as a browser would). */
    private PageSession.Answer list(String query, String... typed) {
        Object[] vars = new Object[typed.length + 1];
        vars[0] = r.coop();
        System.arraycopy(typed, 0, vars, 1, typed.length);
        PageSession.Answer answer = signedIn(r.bob()).get("/cooperatives/{c}/proposals" + query, vars);
        isAPlenumPage(answer);
        return answer;
    }

    private static List<String> listed(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = LISTED.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void eachProposalShowsItsAuthorItsStateItsDeadlineAndHowManyElectorsVoted() {
        String p = propose("Solar roof", "b", ",\"votingClosesAt\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(3)) + "\"");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", r.coop(), p).headers(as(r.alice()))
                .exchange().expectStatus().isNoContent();
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", r.coop(), p, r.aliceMember()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().is2xxSuccessful();
        String waiting = propose("Bike shed", "b", "");

        PageSession.Answer answer = list("");
        assertThat(answer.code()).isEqualTo(200);
        String html = answer.body();
        assertThat(html).contains("by Alice Secretary").contains(">voting<").contains(">deliberation<")
                .containsPattern("closes\\s*</span>\\s*<time class=\"deadline\" datetime=\"[^\"]+\">\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC</time>")
                .contains("title=\"1 of 2 electors\">50\u00a0% voted<");
        // a proposal whose vote has not opened has no turnout yet
        String deliberating = html.substring(html.indexOf("data-proposal-id=\"" + waiting + "\""));
        assertThat(deliberating.substring(0, deliberating.indexOf("</li>"))).doesNotContain("voted<");
    }

    @Test
    void theSearchFindsTitlesAndTextsWhateverTheCaseAndTakesWhatIsTypedLiterally() {
        String roof = propose("Solar roof", "Panels on the depot", "");
        String shed = propose("Bike shed", "Covered racks, maybe SOLAR lights", "");
        String other = propose("Budget 2027", "Numbers", "");

        String solar = list("?q=solar").body();
        assertThat(listed(solar)).containsExactlyInAnyOrder(roof, shed);
        // the tabs keep the search, and a link never carries an empty parameter
        assertThat(solar).contains("href=\"/cooperatives/" + r.coop() + "/proposals?state=VOTING&amp;q=solar\"")
                .contains("href=\"/cooperatives/" + r.coop() + "/proposals?q=solar\"");
        assertThat(listed(list("?q=DEPOT").body())).containsExactly(roof);
        assertThat(listed(list("?q=2027&state=DELIBERATION").body())).containsExactly(other);
        PageSession.Answer pattern = list("?q={q}", ".*(");
        assertThat(pattern.code()).as("a pattern is text, not a regular expression").isEqualTo(200);
        assertThat(listed(pattern.body())).isEmpty();
        assertThat(pattern.body()).contains("id=\"no-matches\"");
    }

    @Test
    void aSearchOrPageTheListCannotTakeIsA400PageNamingTheField() {
        PageSession.Answer tooLong = list("?q=" + "a".repeat(101));
        assertThat(tooLong.code()).isEqualTo(400);
        assertThat(tooLong.body()).contains("q (the search) is at most 100 characters");
        PageSession.Answer control = list("?q={q}", "solar\u0000roof");
        assertThat(control.code()).isEqualTo(400);
        assertThat(control.body()).contains("q (the search)");
        for (String page : List.of("0", "-1", "abc", "501", "99999999999999999999")) {
            PageSession.Answer answer = list("?page=" + page);
            assertThat(answer.code()).as("page=%s", page).isEqualTo(400);
            assertThat(answer.body()).contains("page is a number from 1 to 500");
        }
    }

    @Test
    void theListGoesBackTwentyAtATimeWithNewerAndOlderLinksAndNoProposalTwice() {
        for (int i = 1; i <= 21; i++) {
            propose("Motion " + i, "b", "");
        }
        String first = list("").body();
        List<String> firstPage = listed(first);
        assertThat(firstPage).hasSize(20);
        assertThat(first).contains("id=\"older-page\"").doesNotContain("id=\"newer-page\"")
                .contains("href=\"/cooperatives/" + r.coop() + "/proposals?page=2\">Older");
        assertThat(first.indexOf("Motion 21")).as("newest first").isLessThan(first.indexOf("Motion 20"));

        String second = list("?page=2").body();
        List<String> secondPage = listed(second);
        assertThat(secondPage).hasSize(1);
        assertThat(second).contains("id=\"newer-page\"").doesNotContain("id=\"older-page\"").contains("Motion 1<")
                .contains("href=\"/cooperatives/" + r.coop() + "/proposals\">← Newer");
        Set<String> all = new HashSet<>(firstPage);
        all.addAll(secondPage);
        assertThat(all).hasSize(21);
        assertThat(listed(list("?page=3").body())).isEmpty();
    }
}
