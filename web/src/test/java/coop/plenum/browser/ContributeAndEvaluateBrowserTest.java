package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import coop.plenum.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "Ledger": a member logs a contribution in the browser, two peers accept it from their evaluation queues,
 * and the contributor sees their points and voting power change.
 */
class ContributeAndEvaluateBrowserTest extends BrowserTest {

    @Test
    void aContributionAcceptedByTheRequiredPeersEarnsPointsThatRaiseTheContributorsVotingPower() throws Exception {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String bob = unique("bob");
        String cara = unique("cara");
        String aliceId = createAccount(alice, "Alice Secretary");
        String bobId = createAccount(bob, "Bob Baker");
        String caraId = createAccount(cara, "Cara Peer");
        String coop = foundCooperative("""
                {"name": "Bakers",
                 "charter": {"classes": [{"id": "workers", "name": "Workers", "weight": 100, "quorum": 0}],
                             "votingPower": {"mode": "CONTRIBUTION_WEIGHTED", "pointsPerVote": 10, "maxBonus": 2},
                             "ledger": {"rates": {"WORK_HOURS": 1, "MONEY": "0.1"}, "requiredEvaluations": 2}},
                 "founders": [{"accountId": "%s", "classId": "workers"}, {"accountId": "%s", "classId": "workers"},
                              {"accountId": "%s", "classId": "workers"}],
                 "secretaryAccountId": "%s"}""".formatted(aliceId, bobId, caraId, aliceId));
        String bobMember = steps.memberIdOf(alice, coop, bobId);

        // tall enough for the whole page, so the screenshots show every panel
        browser.manage().window().setSize(new Dimension(1280, 2200));
        signIn(bob);
        browser.get(page("/cooperatives/" + coop));
        browser.findElement(By.id("ledger-link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("my-points")));
        assertThat(browser.findElement(By.id("my-points")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("my-power")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.id("record-revenue"))).as("only secretaries record revenue").isEmpty();

        browser.findElement(By.id("project")).sendKeys("sourdough");
        new Select(browser.findElement(By.id("type"))).selectByValue("WORK_HOURS");
        browser.findElement(By.id("quantity")).sendKeys("fifteen");
        browser.findElement(By.id("description")).sendKeys("Fed the starter for two weeks");
        browser.findElement(By.id("log-contribution")).click();
        assertThat(browser.findElement(By.id("contribution-refusal")).getText()).contains("quantity is a number");
        assertThat(browser.findElement(By.id("project")).getAttribute("value")).as("what was typed stays").isEqualTo("sourdough");
        assertThat(browser.findElements(By.id("open-book"))).as("nothing was logged").isEmpty();
        HeadlessChromium.screenshot(browser, "ledger-refused");

        WebElement quantity = browser.findElement(By.id("quantity"));
        quantity.clear();
        quantity.sendKeys("15");
        browser.findElement(By.id("log-contribution")).click();
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Contribution logged");
        WebElement row = browser.findElement(By.cssSelector("#open-book tbody tr"));
        assertThat(row.findElement(By.cssSelector("[data-field='status']")).getText()).isEqualToIgnoringCase("pending");
        String contribution = row.getAttribute("data-contribution-id");
        assertThat(browser.findElements(By.id("accept-" + contribution))).as("never one's own").isEmpty();
        signOut();

        for (String peer : new String[]{alice, cara}) {
            signIn(peer);
            browser.get(page("/cooperatives/" + coop + "/ledger"));
            browser.findElement(By.id("accept-" + contribution)).click();
            assertThat(browser.findElement(By.id("notice")).getText()).contains("evaluation is recorded");
            assertThat(browser.findElements(By.id("accept-" + contribution))).as("one verdict each").isEmpty();
            signOut();
        }

        signIn(bob);
        browser.get(page("/cooperatives/" + coop + "/ledger"));
        assertThat(browser.findElement(By.id("my-points")).getText()).isEqualTo("15");
        assertThat(browser.findElement(By.id("my-power")).getText()).isEqualTo("2.5");
        WebElement accepted = browser.findElement(By.cssSelector("#open-book tr[data-contribution-id='" + contribution + "']"));
        assertThat(accepted.findElement(By.cssSelector("[data-field='status']")).getText()).isEqualToIgnoringCase("accepted");
        assertThat(accepted.findElement(By.cssSelector("[data-field='points']")).getText()).isEqualTo("15");
        assertThat(accepted.findElement(By.cssSelector("[data-field='verdicts']")).getText().replaceAll("\\s+", " "))
                .isEqualTo("2 accept · 0 reject of 2");
        HeadlessChromium.screenshot(browser, "ledger");

        http.get().uri("/api/v1/cooperatives/{c}/members/{m}/voting-power", coop, bobMember).headers(as(cara)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.power").isEqualTo("2.500000").jsonPath("$.points").isEqualTo("15.000000");

        // the page's CSV link works with the browser's session, without the API's HTTP Basic
        assertThat(browser.findElement(By.id("download-csv")).getAttribute("href")).endsWith("/cooperatives/" + coop + "/open-book.csv");
        String csv = http.get().uri("/cooperatives/{c}/open-book.csv", coop)
                .cookie("SESSION", browser.manage().getCookieNamed("SESSION").getValue()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("entry,at,contributionId,revenueId,memberId,member,project,type,quantity,rate,status,points,"
                + "verdict,amount,currency,description").contains(contribution).contains("ACCEPTED");
    }

    private void signOut() {
        browser.findElement(By.id("sign-out")).click();
    }
}
