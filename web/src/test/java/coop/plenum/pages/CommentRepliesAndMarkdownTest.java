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
 * Issue 14: a comment may answer another (the reply names it; the page shows it under that comment), and comments
 * are Markdown shown safely: formatting kept, nothing a member types runs in another member's browser.
 */
class CommentRepliesAndMarkdownTest extends PageScenario {

    private AliceAndBob r;
    private String p;

    @BeforeEach
    void aProposalUnderDiscussion() {
        r = riversideWithAliceAndBob();
        JsonNode created = http.post().uri("/api/v1/cooperatives/{c}/proposals", r.coop()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Solar roof\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        p = created.get("proposalId").asText();
    }

    private JsonNode comments() {
        return http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", r.coop(), p).headers(as(r.bob())).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("comments");
    }

    private String commentByApi(String username, String body) {
        return http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/comments", r.coop(), p).headers(as(username))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("commentId").asText();
    }

    @Test
    void aReplyIsShownUnderTheCommentItAnswersAndNamesIt() {
        String question = commentByApi(r.alice(), "{\"text\":\"Who maintains it?\"}");
        PageSession bob = signedIn(r.bob());
        PageSession.Answer sent = bob.post("/cooperatives/{c}/proposals/{p}/comments",
                Map.of("text", "The supplier, for ten years.", "replyTo", question), r.coop(), p);
        assertThat(sent.code()).as("%s", sent).isBetween(300, 399);

        JsonNode comments = comments();
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).get("replyTo").isNull()).isTrue();
        assertThat(comments.get(1).get("replyTo").asText()).isEqualTo(question);
        String reply = comments.get(1).get("commentId").asText();

        String html = bob.get("/cooperatives/{c}/proposals/{p}", r.coop(), p).body();
        assertThat(html).contains("id=\"comment-" + question + "\" class=\"comment comment-indent-0\"")
                .contains("id=\"comment-" + reply + "\" class=\"comment comment-indent-1\" data-reply-to=\"" + question + "\"")
                .contains("href=\"#comment-" + question + "\">in reply to Alice Secretary</a>")
                // each comment has its own reply form, labelled
                .contains("<label class=\"small\" for=\"reply-text-" + reply + "\">Your reply to Bob Member</label>");
        assertThat(html.indexOf("id=\"comment-" + question)).isLessThan(html.indexOf("id=\"comment-" + reply));
    }

    @Test
    void repliesNestOnlyFourLevelsDeepOnThePageThoughTheyChainFurther() {
        String last = commentByApi(r.alice(), "{\"text\":\"0\"}");
        for (int i = 1; i <= 6; i++) {
            last = commentByApi(i % 2 == 0 ? r.alice() : r.bob(), "{\"text\":\"" + i + "\",\"replyTo\":\"" + last + "\"}");
        }
        String html = signedIn(r.bob()).get("/cooperatives/{c}/proposals/{p}", r.coop(), p).body();
        assertThat(html).contains("id=\"comment-" + last + "\" class=\"comment comment-indent-4\"")
                .doesNotContain("comment-indent-5").doesNotContain("comment-indent-6");
    }

    @Test
    void aReplyToACommentNotOnThisProposalIsRefusedNamingReplyToAndStoresNothing() {
        commentByApi(r.alice(), "{\"text\":\"Here\"}");
        JsonNode other = http.post().uri("/api/v1/cooperatives/{c}/proposals", r.coop()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Other\",\"body\":\"b\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String elsewhere = http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/comments", r.coop(), other.get("proposalId").asText())
                .headers(as(r.alice())).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"There\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("commentId").asText();
        long before = eventsInTheLog();
        JsonNode problem = http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/comments", r.coop(), p).headers(as(r.bob()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"Yes\",\"replyTo\":\"" + elsewhere + "\"}")
                .exchange().expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("field").asText()).isEqualTo("replyTo");
        assertThat(problem.get("code").asText()).isEqualTo("comment.reply-to-unknown");
        PageSession.Answer page = signedIn(r.bob()).post("/cooperatives/{c}/proposals/{p}/comments",
                Map.of("text", "Yes, typed", "replyTo", elsewhere), r.coop(), p);
        assertThat(page.code()).isEqualTo(400);
        isAPlenumPage(page);
        assertThat(page.body()).contains("replyTo names no comment on this proposal").contains("Yes, typed");
        assertThat(eventsInTheLog()).isEqualTo(before);
        assertThat(comments()).hasSize(1);
    }

    @Test
    void markdownIsShownFormattedAndHostileMarkupAsHarmlessText() {
        PageSession bob = signedIn(r.bob());
        bob.post("/cooperatives/{c}/proposals/{p}/comments", Map.of("text",
                "**Yes** to *solar*.\n\n- panels\n- [the plan](https://example.org/plan)\n\n"
                        + "<script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))"), r.coop(), p);
        String html = bob.get("/cooperatives/{c}/proposals/{p}", r.coop(), p).body();
        assertThat(html).contains("<strong>Yes</strong> to <em>solar</em>.")
                .contains("<li><a href=\"https://example.org/plan\" rel=\"nofollow noopener\">the plan</a></li>")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("href=\"javascript:");
        // the text itself is kept as typed, for the API and the audit
        assertThat(comments().get(0).get("text").asText()).startsWith("**Yes** to *solar*.").contains("<script>alert('x')</script>");
    }

    @Test
    void theApiDescriptionOffersReplyToOnComments() {
        JsonNode description = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        JsonNode replyTo = description.at("/components/schemas/CommentRequest/properties/replyTo");
        assertThat(replyTo.path("description").asText()).contains("optional").contains("replyTo");
        assertThat(description.at("/components/schemas/CommentJson/properties/replyTo").isMissingNode()).isFalse();
    }
}
