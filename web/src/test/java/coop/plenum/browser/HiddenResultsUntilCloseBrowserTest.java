package coop.plenum.browser;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import java.time.Duration;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Voting methods", {@code visibility: AFTER_CLOSE}, in the browser: the open page shows participation only and
 * keeps it current; when the vote closes, the page shows the results without anyone reloading it.
 */
class HiddenResultsUntilCloseBrowserTest extends BrowserTest {

    private String cell(String classId, String field) {
        return browser.findElement(By.cssSelector("tr[data-class='" + classId + "'] [data-field='" + field + "']")).getText();
    }

    @Test
    void aMemberWatchesParticipationGrowAndSeesTheResultsOnceTheVoteCloses() {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId));
        String bob = unique("bob");
        createAccount(bob, "Bob Member");
        String bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        String aliceMember = steps.memberIdOf(alice, coop, aliceId);
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Solar roof\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"GENERAL\",\"visibility\":\"AFTER_CLOSE\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();

        signIn(bob);
        browser.get(page("/cooperatives/" + coop + "/proposals/" + proposal));
        assertThat(browser.findElement(By.id("results-hidden-note")).getText()).contains("Results are hidden until the vote closes");
        assertThat(browser.findElements(By.id("tally"))).isEmpty();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> cell("workers", "participation").equals("0 %"));

        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, aliceMember).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().isOk();
        wait.until(d -> cell("workers", "participation").equals("100 %"));
        assertThat(browser.getPageSource()).doesNotContain("data-field=\"yes\"");

        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        wait.until(d -> !d.findElements(By.id("tally")).isEmpty());
        assertThat(browser.findElements(By.id("tally-hidden"))).isEmpty();
        assertThat(cell("workers", "yes")).isEqualTo("1");
        assertThat(browser.findElement(By.id("proposal-state")).getText()).isEqualToIgnoringCase("closed");
    }
}
