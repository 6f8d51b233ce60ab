package coop.plenum.pages;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the author revises a proposal in the browser (SPEC "Proposals": the author, during deliberation; every
 * edit a new revision), and the proposal's page shows each revision against the one before it, word by word.
 */
class ProposalRevisionsInThePageTest extends PageScenario {

    private AliceAndBob r;
    private PageSession author;

    @BeforeEach
    void riverside() {
        r = riversideWithAliceAndBob();
        author = signedIn(r.alice());
    }

    private String proposalByAlice(String body) {
        JsonNode created = http.post().uri("/api/v1/cooperatives/{c}/proposals", r.coop()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Solar roof", "body", body, "topic", "energy", "kind", "GENERAL"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("proposalId").asText();
    }

    @Test
    void theAuthorRevisesThroughAFormFilledWithTheCurrentTextAndThePageShowsWhatChanged() {
        String p = proposalByAlice("Panels on the depot roof.\nPaid from reserves.");
        PageSession.Answer proposalPage = author.get("/cooperatives/{c}/proposals/{p}", r.coop(), p);
        assertThat(proposalPage.body()).contains("id=\"edit-proposal\"").doesNotContain("id=\"revisions\"");

        PageSession.Answer form = author.get("/cooperatives/{c}/proposals/{p}/edit", r.coop(), p);
        assertThat(form.code()).as("%s", form).isEqualTo(200);
        isAPlenumPage(form);
        assertThat(form.body()).contains("value=\"Solar roof\"").contains("Panels on the depot roof.\nPaid from reserves.");

        // a browser sends line breaks as CRLF: the unchanged second line must not show as changed
        PageSession.Answer saved = author.post("/cooperatives/{c}/proposals/{p}/revision",
                Map.of("title", "Solar roof <b>now</b>", "body", "Panels on the school roof.\r\nPaid from reserves."), r.coop(), p);
        assertThat(saved.code()).as("%s", saved).isBetween(300, 399);
        assertThat(saved.location()).endsWith("/proposals/" + p + "#revisions");

        String html = author.get("/cooperatives/{c}/proposals/{p}", r.coop(), p).body();
        assertThat(html).contains("id=\"revisions\"").contains("data-revision=\"2\"").contains("data-revision=\"1\"")
                .contains("<del class=\"diff-del\">depot</del><ins class=\"diff-ins\">school</ins>")
                .contains("<span> roof.\nPaid from reserves.</span>")
                // the title's markup is text, escaped, never markup
                .contains("<ins class=\"diff-ins\"> &lt;b&gt;now&lt;/b&gt;</ins>").doesNotContain("<b>now</b>");
        JsonNode api = http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", r.coop(), p).headers(as(r.bob())).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(api.toString()).contains("Panels on the school roof.\\nPaid from reserves.");
    }

    @Test
    void onlyTheAuthorIsOfferedTheFormAndAnyoneElsesRevisionIsRefusedStoringNothing() {
        String p = proposalByAlice("b");
        PageSession bob = signedIn(r.bob());
        assertThat(bob.get("/cooperatives/{c}/proposals/{p}", r.coop(), p).body()).doesNotContain("id=\"edit-proposal\"");
        PageSession.Answer form = bob.get("/cooperatives/{c}/proposals/{p}/edit", r.coop(), p);
        assertThat(form.code()).isEqualTo(403);
        isAPlenumPage(form);
        long before = eventsInTheLog();
        PageSession.Answer sent = bob.post("/cooperatives/{c}/proposals/{p}/revision", Map.of("title", "Mine now", "body", "x"),
                r.coop(), p);
        assertThat(sent.code()).isEqualTo(403);
        assertThat(sent.body()).contains("only the author may revise a proposal");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void onceVotingOpensTheProposalIsNoLongerRevised() {
        String p = proposalByAlice("b");
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", r.coop(), p).headers(as(r.alice()))
                .exchange().expectStatus().isNoContent();
        assertThat(author.get("/cooperatives/{c}/proposals/{p}", r.coop(), p).body()).doesNotContain("id=\"edit-proposal\"");
        PageSession.Answer form = author.get("/cooperatives/{c}/proposals/{p}/edit", r.coop(), p);
        assertThat(form.code()).isEqualTo(409);
        isAPlenumPage(form);
        long before = eventsInTheLog();
        assertThat(author.post("/cooperatives/{c}/proposals/{p}/revision", Map.of("title", "Late", "body", "x"), r.coop(), p)
                .code()).isEqualTo(409);
        assertThat(eventsInTheLog()).isEqualTo(before);
    }

    @Test
    void aRevisionWithoutATitleIsShownAgainAsTypedWithTheReason() {
        String p = proposalByAlice("b");
        long before = eventsInTheLog();
        PageSession.Answer refused = author.post("/cooperatives/{c}/proposals/{p}/revision",
                Map.of("title", " ", "body", "kept as typed"), r.coop(), p);
        assertThat(refused.code()).as("%s", refused).isEqualTo(400);
        isAPlenumPage(refused);
        assertThat(refused.body()).contains("id=\"revision-refusal\"").contains("kept as typed")
                .contains("id=\"title\"").contains("aria-invalid=\"true\"");
        assertThat(eventsInTheLog()).isEqualTo(before);
    }
}
