package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import coop.plenum.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import java.time.Duration;

import java.util.List;
import java.util.Map;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, "Done when": a secretary proposes a ranked vote with three options through the form and opens it, three
 * members rank through the ballot form, the vote closes, and the page shows the Schulze winner and its matrix.
 */
class RankTheOptionsAndSeeTheSchulzeWinnerBrowserTest extends BrowserTest {

    @Test
    void threeMembersRankThreeOptionsInTheBrowserAndThePageShowsTheSchulzeWinnerWithItsMatrix() throws Exception {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId));   // alice: workers (60); bob and cara: users (40)
        String bob = unique("bob");
        createAccount(bob, "Bob Member");
        String bobMember = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobMember, "admission");
        String cara = unique("cara");
        createAccount(cara, "Cara Member");
        steps.command(alice, coop, steps.apply(coop, cara, "users"), "admission");

        signIn(alice);
        browser.get(page("/cooperatives/" + coop + "/proposals/new"));
        browser.findElement(By.id("title")).sendKeys("Our next project");
        browser.findElement(By.id("body")).sendKeys("Rank the three projects; the Schulze winner goes ahead.");
        new Select(browser.findElement(By.id("method"))).selectByValue("RANKED");
        browser.findElement(By.id("options")).sendKeys("Wind turbine\nSolar park\nNeither");
        browser.findElement(By.id("submit-proposal")).click();
        assertThat(browser.findElement(By.id("proposal-title")).getText()).isEqualTo("Our next project");
        assertThat(browser.findElement(By.id("vote-method")).getText()).isEqualTo("Ranked choice");
        String proposal = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        browser.findElement(By.id("open-vote")).click();
        assertThat(browser.findElement(By.id("proposal-state")).getText()).isEqualToIgnoringCase("voting");

        rank(Map.of("wind-turbine", "1", "solar-park", "2", "neither", "3"));
        assertThat(browser.findElement(By.id("my-ballot")).getText())
                .isEqualTo("you ranked Wind turbine, then Solar park, then Neither");
        signInAgain(bob, proposal, coop);
        rank(Map.of("solar-park", "1", "wind-turbine", "2"));   // Neither left blank: below both
        signInAgain(cara, proposal, coop);
        rank(Map.of("wind-turbine", "1", "neither", "2", "solar-park", "3"));
        assertThat(browser.findElement(By.id("rank-neither")).getAttribute("value")).as("the ballot pre-filled").isEqualTo("2");

        signInAgain(alice, proposal, coop);
        // live while voting: bob ties his two options over the API, and alice's open page shows solar's lost preference
        http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, bobMember).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"ranking\": [[\"solar-park\", \"wind-turbine\"]]}")
                .exchange().expectStatus().isOk();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(
                By.cssSelector("#pairwise-matrix tr[data-option='solar-park'] td:nth-of-type(1)")).getText().equals("0 %"));
        browser.findElement(By.id("close-vote")).click();
        // closing asks first, on a page of its own (issue 14)
        assertThat(browser.findElement(By.id("confirm-question")).getText()).startsWith("Close the vote on");
        WebElement openState = browser.findElement(By.id("confirm"));
        openState.click();
        // the form's redirect and the live page's own reload at close race; wait for the page that follows either
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(HeadlessChromium.gone(openState));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("proposal-state")).getText().equalsIgnoreCase("closed"));
        assertThat(browser.findElement(By.id("proposal-state")).getText()).isEqualToIgnoringCase("closed");
        assertThat(browser.findElements(By.id("ballot-form"))).as("no ballots after closing").isEmpty();
        assertThat(browser.findElement(By.id("results-outcome")).getText()).isEqualTo("Decided: Wind turbine won (Schulze).");
        assertThat(browser.findElements(By.cssSelector("#ranking li")).stream().map(WebElement::getText).toList())
                .containsExactly("Wind turbine", "Solar park", "Neither");

        // D[wind][solar] = 0.6 × 1 (alice) + 0.4 × ½ (cara; bob ties them) = 0.8; D[wind][neither] = 0.6 + 0.4 = 1
        WebElement winnerRow = browser.findElement(By.cssSelector("#pairwise-matrix tbody tr.winner"));
        assertThat(winnerRow.findElement(By.tagName("th")).getText()).startsWith("Wind turbine");
        List<WebElement> cells = winnerRow.findElements(By.tagName("td"));
        assertThat(cells.stream().map(WebElement::getText).toList()).containsExactly("—", "80 %", "100 %");
        assertThat(cells.get(1).getAttribute("title")).isEqualTo("0.800000");
        assertThat(browser.findElement(By.cssSelector("#pairwise-matrix caption")).getText()).startsWith("Pairwise preferences");
        assertThat(browser.findElements(By.cssSelector("#strongest-paths tbody tr.winner"))).hasSize(1);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('pairwise-matrix').scrollIntoView()");
        HeadlessChromium.screenshot(browser, "ranked-vote-closed");
    }

    /** Numbers the options on the ballot form (blank stays blank) and casts it. */
    private void rank(Map<String, String> places) {
        places.forEach((option, place) -> {
            WebElement input = browser.findElement(By.id("rank-" + option));
            input.clear();
            input.sendKeys(place);
        });
        browser.findElement(By.id("cast-ballot")).click();
        assertThat(browser.findElement(By.id("my-ballot")).getText()).startsWith("you ranked");
    }

    private void signInAgain(String username, String proposal, String coop) {
        browser.findElement(By.id("sign-out")).click();
        signIn(username);
        browser.get(page("/cooperatives/" + coop + "/proposals/" + proposal));
    }
}
