package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.MediaType;

import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 "Notifications": a vote opens and a member sees it in the inbox with the unread count in the top bar; after
 * their delegate votes they see "your delegate voted", with how their power was counted; marking all read clears the count.
 */
class InboxShowsWhatConcernsMeBrowserTest extends BrowserTest {

    @Test
    void aMemberSeesTheVoteOpeningThenTheirDelegatesBallotInTheInboxWithTheUnreadCount() {
        Cooperators steps = new Cooperators(http);
        AliceAndBob r = riversideWithAliceAndBob();
        String carol = unique("carol");
        createAccount(carol, "Carol Member");
        String carolMember = steps.apply(r.coop(), carol, "users");
        steps.command(r.alice(), r.coop(), carolMember, "admission");
        http.put().uri("/api/v1/cooperatives/{c}/members/{m}/delegations/_global", r.coop(), carolMember).headers(as(carol))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"delegateId\":\"" + r.bobMember() + "\"}")
                .exchange().expectStatus().isNoContent();
        http.post().uri("/api/v1/notifications/read").headers(as(carol)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"all\":true}").exchange().expectStatus().isNoContent();
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", r.coop()).headers(as(r.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Solar <roof>\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(com.fasterxml.jackson.databind.JsonNode.class)
                .returnResult().getResponseBody().get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", r.coop(), proposal).headers(as(r.alice()))
                .exchange().expectStatus().isNoContent();

        signIn(carol);
        browser.get(page("/"));
        assertThat(browser.findElement(By.id("unread-count")).getText()).isEqualTo("1");
        browser.findElement(By.id("inbox-link")).click();
        // her admission, read before, stays listed below
        List<WebElement> entries = browser.findElements(By.cssSelector("#notifications li[data-read='false']"));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getAttribute("data-kind")).isEqualTo("VOTE_OPENED");
        assertThat(entries.get(0).getText()).contains("Vote open: Solar <roof>");

        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", r.coop(), proposal, r.bobMember()).headers(as(r.bob()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().isOk();
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("unread-count")).getText()).isEqualTo("2");
        WebElement newest = browser.findElements(By.cssSelector("#notifications li")).get(0);
        assertThat(newest.getAttribute("data-kind")).isEqualTo("DELEGATE_VOTED");
        assertThat(newest.getText()).contains("Your delegate voted: Solar <roof>")
                .contains("Bob Member voted on “Solar <roof>” (Yes). Your voting power of 1 is counted with their ballot");
        assertThat(newest.findElement(By.tagName("a")).getAttribute("href")).endsWith("/proposals/" + proposal);

        browser.findElement(By.id("mark-all-read")).click();
        // the click posts a form and the browser loads the page it redirects to: wait for that page, not the old one
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(d -> d.findElements(By.id("unread-count")).isEmpty());
        assertThat(browser.findElements(By.id("unread-count"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#notifications li[data-read='false']"))).isEmpty();
    }
}
