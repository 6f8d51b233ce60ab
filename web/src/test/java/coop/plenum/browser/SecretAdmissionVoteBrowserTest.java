package coop.plenum.browser;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "secrecy: SECRET" in the browser: a secret admission vote. The voter gets their receipt secret once, on the
 * answer to their ballot; no page ever shows who voted how; after close the page lists the revealed ballots and
 * the voter checks, in the browser, that theirs is among them as cast.
 */
class SecretAdmissionVoteBrowserTest extends BrowserTest {

    @Test
    void aSecretAdmissionVoteNeverShowsBallotsAndTheVoterFindsTheirsByReceiptAfterClose() {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId).replace("\"topics\"", "\"admission\": \"VOTE\", \"topics\""));
        String cara = unique("cara");
        createAccount(cara, "Cara Applicant");
        String caraMember = steps.apply(coop, cara, "users");
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Admit Cara\",\"body\":\"\",\"topic\":\"energy\",\"kind\":\"ADMISSION\",\"effect\":\""
                        + caraMember + "\",\"secrecy\":\"SECRET\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();

        signIn(alice);
        String proposalPage = page("/cooperatives/" + coop + "/proposals/" + proposal);
        browser.get(proposalPage);
        assertThat(browser.findElement(By.id("secret-ballot-note")).getText()).contains("secret vote");
        browser.findElement(By.id("vote-no")).click();
        String secret = receiptShownAfter(null);
        assertThat(secret).hasSizeGreaterThanOrEqualTo(22);
        // changing her mind: the last ballot counts, with its own receipt
        browser.findElement(By.id("vote-yes")).click();
        String lastSecret = receiptShownAfter(secret);
        assertThat(lastSecret).isNotEqualTo(secret);

        browser.get(proposalPage);
        assertThat(browser.findElements(By.id("receipt-secret"))).as("the receipt is shown once").isEmpty();
        assertThat(browser.findElements(By.id("tally"))).isEmpty();
        assertThat(browser.findElements(By.id("my-choice"))).isEmpty();
        assertThat(browser.findElements(By.id("voters"))).isEmpty();
        assertThat(browser.findElements(By.id("revealed-ballots"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("data-field=\"yes\"");

        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, proposal).headers(as(alice))
                .exchange().expectStatus().isNoContent();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> {
            d.get(proposalPage);
            return !d.findElements(By.id("revealed-ballots")).isEmpty();
        });
        assertThat(browser.findElements(By.cssSelector("#revealed-table tbody tr"))).hasSize(1);
        assertThat(browser.findElements(By.id("voters"))).as("still nobody's ballot by name").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(lastSecret);

        browser.findElement(By.id("check-secret")).sendKeys(secret);
        browser.findElement(By.id("check-receipt")).click();
        wait.until(d -> "not-found".equals(d.findElement(By.id("check-result")).getAttribute("data-outcome")));

        browser.findElement(By.id("check-secret")).clear();
        browser.findElement(By.id("check-secret")).sendKeys(lastSecret);
        browser.findElement(By.id("check-receipt")).click();
        wait.until(d -> "found".equals(d.findElement(By.id("check-result")).getAttribute("data-outcome")));
        assertThat(browser.findElement(By.id("check-result")).getText()).contains("Found").contains("Yes");
    }

    /**
     * The receipt secret the page answering a ballot shows, once that page has replaced the one the ballot was cast
     * from (which showed {@code previous}, or none): the click submits a form, so the old page can still be read, or
     * go stale while being read, for a moment.
     */
    private String receiptShownAfter(String previous) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    List<org.openqa.selenium.WebElement> shown = d.findElements(By.id("receipt-secret"));
                    String text = shown.isEmpty() ? null : shown.get(0).getText();
                    return text == null || text.isBlank() || text.equals(previous) ? null : text;
                });
    }
}
