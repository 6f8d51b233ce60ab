package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import java.time.Duration;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue "Decisions": propose in the browser, vote, and see the tally change live when another member votes. */
class VoteAndWatchTheTallyBrowserTest extends BrowserTest {

    private String cell(String classId, String field) {
        return browser.findElement(By.cssSelector("tr[data-class='" + classId + "'] [data-field='" + field + "']")).getText();
    }

    @Test
    void aMemberProposesVotesAndSeesAnotherMembersBallotArriveLive() throws Exception {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId));
        String bob = unique("bob");
        createAccount(bob, "Bob Member");
        String bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        String aliceMember = steps.memberIdOf(alice, coop, aliceId);

        signIn(bob);
        browser.get(page("/cooperatives/" + coop + "/proposals"));
        browser.findElement(By.id("new-proposal")).click();
        browser.findElement(By.id("title")).sendKeys("Community solar roof");
        browser.findElement(By.id("body")).sendKeys("Panels on the depot roof, paid from the reserve.");
        browser.findElement(By.id("submit-proposal")).click();
        assertThat(browser.findElement(By.id("proposal-title")).getText()).isEqualTo("Community solar roof");
        assertThat(browser.findElement(By.id("proposal-state")).getText()).isEqualToIgnoringCase("deliberation");
        String proposal = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        browser.navigate().refresh();
        browser.findElement(By.id("vote-no")).click();
        assertThat(browser.findElement(By.id("my-choice")).getText()).isEqualTo("NO");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> cell("users", "no").equals("1"));
        screenshot("tally-after-my-ballot");

        // Alice votes elsewhere; Bob's open page receives it over server-sent events, without a reload
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, aliceMember).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().isOk();
        wait.until(d -> cell("workers", "yes").equals("1"));

        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tally-outcome"), "accepted"));
        assertThat(browser.findElement(By.id("tally-outcome")).getText()).contains("approval 60 %");
        assertThat(browser.findElement(By.id("proposal-state")).getText()).isEqualToIgnoringCase("closed");
        assertThat(browser.findElement(By.id("ballot")).isDisplayed()).as("no ballots after closing").isFalse();
        screenshot("tally-closed");
    }

    private void screenshot(String name) throws Exception {
        coop.plenum.support.HeadlessChromium.screenshot(browser, name);
    }
}
