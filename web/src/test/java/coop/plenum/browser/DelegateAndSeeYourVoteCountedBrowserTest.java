package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import coop.plenum.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import java.time.Duration;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue "Liquid delegation": set a delegation in the browser and see the delegate's ballot counted for the delegator. */
class DelegateAndSeeYourVoteCountedBrowserTest extends BrowserTest {

    @Test
    void aMemberDelegatesInTheBrowserAndTheDelegatesBallotIsCountedForThem() throws Exception {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Delegate");
        String coop = foundCooperative(riverside(aliceId));
        String bob = unique("bob");
        createAccount(bob, "Bob Delegator");
        String bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        String aliceMember = steps.memberIdOf(alice, coop, aliceId);

        signIn(bob);
        browser.get(page("/cooperatives/" + coop));
        browser.findElement(By.id("delegations-link")).click();
        browser.findElement(By.cssSelector("[data-for='delegate-energy']")).sendKeys("Alice");
        new Select(browser.findElement(By.id("delegate-energy"))).selectByVisibleText("Alice Delegate");
        browser.findElement(By.id("delegate-button-energy")).click();
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Delegated.");
        assertThat(browser.findElement(By.cssSelector("#represents-me tr[data-topic='energy'] .representative")).getText())
                .isEqualTo("Alice Delegate votes for you");
        assertThat(browser.findElement(By.cssSelector("#represents-me tr[data-topic='finance']")).getText()).contains("you vote yourself");
        assertThat(browser.findElements(By.cssSelector("#graph .node"))).hasSize(2);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('represents-me').scrollIntoView()");
        HeadlessChromium.screenshot(browser, "delegations");

        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Heat pumps\",\"body\":\"For the depot\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(com.fasterxml.jackson.databind.JsonNode.class)
                .returnResult().getResponseBody().get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, aliceMember).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().isOk();

        browser.get(page("/cooperatives/" + coop + "/proposals/" + proposal));
        assertThat(browser.findElement(By.id("my-provenance")).getAttribute("data-kind")).isEqualTo("DELEGATED");
        assertThat(browser.findElement(By.id("my-provenance")).getText()).contains("YES").contains("Alice Delegate");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.cssSelector("tr[data-class='users'] [data-field='yes']")).getText().equals("1"));

        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector("#my-vote h2")).getText()).isEqualTo("How your vote was counted");
        assertThat(browser.findElement(By.id("my-provenance")).getText()).contains("Counted YES with the ballot of Alice Delegate");
        HeadlessChromium.screenshot(browser, "provenance-closed");
    }
}
