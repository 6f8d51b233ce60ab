package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proposals with an effect from the browser: under the VOTE admission policy an ADMISSION (once accepted, the
 * applicant is a member), and a CHARTER_AMENDMENT edited from the charter in force.
 */
class ProposeAnAdmissionBrowserTest extends BrowserTest {

    @Test
    void aMemberProposesToAdmitAnApplicantAndTheAcceptedDecisionAdmitsThem() throws Exception {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative("""
                {"name": "Voters", "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 100, "quorum": 0}],
                 "admission": "VOTE"},
                 "founders": [{"accountId": "%s", "classId": "workers"}], "secretaryAccountId": "%s"}""".formatted(aliceId, aliceId));
        String grace = unique("grace");
        createAccount(grace, "Grace Applicant");
        String graceMember = steps.apply(coop, grace, "workers");
        String aliceMember = steps.memberIdOf(alice, coop, aliceId);

        signIn(alice);
        browser.get(page("/cooperatives/" + coop + "/proposals/new"));
        browser.findElement(By.id("title")).sendKeys("Admit Grace");
        new Select(browser.findElement(By.id("kind"))).selectByValue("ADMISSION");
        assertThat(browser.findElement(By.id("memberId")).isDisplayed()).as("only the applicant choice shows").isFalse();
        new Select(browser.findElement(By.id("applicantId"))).selectByVisibleText("Grace Applicant");
        browser.findElement(By.id("submit-proposal")).click();
        assertThat(browser.findElement(By.id("proposal-title")).getText()).isEqualTo("Admit Grace");
        String proposal = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice)).exchange()
                .expectStatus().isNoContent();
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, aliceMember).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"YES\"}").exchange().expectStatus().isOk();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, proposal).headers(as(alice)).exchange()
                .expectStatus().isNoContent();

        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        String status = "";
        while (System.nanoTime() < deadline && !status.equals("ACTIVE")) {
            status = http.get().uri("/api/v1/cooperatives/{c}/members/{m}", coop, graceMember).headers(as(alice)).exchange()
                    .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody().get("status").asText();
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo("ACTIVE");
    }

    @Test
    void aMemberProposesACharterAmendmentEditedFromTheCharterInForceAndBadJsonIsRefused() throws Exception {
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId));

        signIn(alice);
        browser.get(page("/cooperatives/" + coop + "/proposals/new"));
        browser.findElement(By.id("title")).sendKeys("Add a topic for storage");
        new Select(browser.findElement(By.id("kind"))).selectByValue("CHARTER_AMENDMENT");
        org.openqa.selenium.WebElement charter = browser.findElement(By.id("charter"));
        String inForce = charter.getAttribute("value");
        assertThat(inForce).contains("\"workers\"", "\"energy\"");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '{ not json'", charter);
        browser.findElement(By.id("submit-proposal")).click();
        assertThat(browser.findElement(By.id("proposal-error")).getText()).contains("not readable JSON");

        // the refused form keeps what was typed
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Add a topic for storage");
        assertThat(new Select(browser.findElement(By.id("kind"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("CHARTER_AMENDMENT");
        assertThat(browser.findElement(By.id("charter")).getAttribute("value")).isEqualTo("{ not json");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1].replace('\"finance\"', '\"finance\", \"storage\"')",
                browser.findElement(By.id("charter")), inForce);
        browser.findElement(By.id("submit-proposal")).click();
        assertThat(browser.findElement(By.id("proposal-title")).getText()).isEqualTo("Add a topic for storage");
        String proposal = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        http.get().uri("/api/v1/cooperatives/{c}/proposals/{p}", coop, proposal).headers(as(alice)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.kind").isEqualTo("CHARTER_AMENDMENT");
    }
}
