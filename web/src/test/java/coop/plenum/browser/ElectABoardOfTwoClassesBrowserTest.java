package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import coop.plenum.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "Done when": a board election with two classes in the browser. The secretary proposes an election with one
 * seat for workers and one for users through the form; members stand, nominate and accept during deliberation; each
 * member numbers the candidates of their own class on the ballot form; the vote closes and the page shows the
 * elected per class and the Meek count as a table of rounds and a chart.
 */
class ElectABoardOfTwoClassesBrowserTest extends BrowserTest {

    @Test
    void aBoardOfTwoClassesIsNominatedRankedAndElectedInTheBrowser() throws Exception {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId));   // alice, dan: workers; bob, cara: users
        String aliceM = steps.memberIdOf(alice, coop, aliceId);
        String bob = unique("bob");
        createAccount(bob, "Bob Member");
        String bobM = steps.apply(coop, bob, "users");
        steps.command(alice, coop, bobM, "admission");
        String cara = unique("cara");
        createAccount(cara, "Cara Member");
        String caraM = steps.apply(coop, cara, "users");
        steps.command(alice, coop, caraM, "admission");
        String dan = unique("dan");
        createAccount(dan, "Dan Member");
        String danM = steps.apply(coop, dan, "workers");
        steps.command(alice, coop, danM, "admission");

        signIn(alice);
        browser.get(page("/cooperatives/" + coop + "/proposals/new"));
        browser.findElement(By.id("title")).sendKeys("Board 2027");
        browser.findElement(By.id("body")).sendKeys("One seat for workers, one for users.");
        new Select(browser.findElement(By.id("method"))).selectByValue("ELECTION");
        browser.findElement(By.id("seats-workers")).sendKeys("1");
        browser.findElement(By.id("seats-users")).sendKeys("1");
        browser.findElement(By.id("submit-proposal")).click();
        assertThat(browser.findElement(By.id("vote-method")).getText()).isEqualTo("Board election");
        String proposal = browser.getCurrentUrl().replaceAll("[?#].*", "");
        proposal = proposal.substring(proposal.lastIndexOf('/') + 1);

        browser.findElement(By.id("stand-as-candidate")).click();
        assertThat(browser.findElement(By.id("candidacy-" + aliceM)).getText()).contains("stands");
        new Select(browser.findElement(By.id("nominate-member"))).selectByValue(bobM);
        browser.findElement(By.id("nominate")).click();
        assertThat(browser.findElement(By.id("candidacy-" + bobM)).getText()).contains("not accepted yet");

        signInAgain(bob, proposal, coop);
        browser.findElement(By.id("accept-nomination")).click();
        assertThat(browser.findElement(By.id("candidacy-" + bobM)).getText()).contains("stands");
        signInAgain(cara, proposal, coop);
        browser.findElement(By.id("stand-as-candidate")).click();
        assertThat(browser.findElement(By.id("candidacy-" + caraM)).getText()).contains("stands");

        signInAgain(alice, proposal, coop);
        browser.findElement(By.id("open-vote")).click();
        // the click reloads the page: the state is read from the new one (an element of the old one goes stale)
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("proposal-state")).getText().equalsIgnoreCase("voting"));
        // alice ranks workers' only candidate; users' candidates are not on her ballot
        assertThat(browser.findElements(By.id("rank-" + bobM))).isEmpty();
        rank(Map.of(aliceM, "1"));
        assertThat(browser.findElement(By.id("my-ballot")).getText()).isEqualTo("you ranked Alice Secretary");
        signInAgain(dan, proposal, coop);
        rank(Map.of(aliceM, "1"));
        signInAgain(bob, proposal, coop);
        rank(Map.of(bobM, "1", caraM, "2"));
        assertThat(browser.findElement(By.id("my-ballot")).getText()).isEqualTo("you ranked Bob Member, then Cara Member");
        signInAgain(cara, proposal, coop);
        rank(Map.of(caraM, "1", bobM, "2"));

        signInAgain(alice, proposal, coop);
        browser.findElement(By.id("close-vote")).click();
        WebElement confirm = browser.findElement(By.id("confirm"));
        confirm.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(HeadlessChromium.gone(confirm));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("proposal-state")).getText().equalsIgnoreCase("closed"));

        assertThat(browser.findElement(By.id("elected-workers")).getText()).isEqualTo("Elected: Alice Secretary.");
        // bob and cara tie 1 to 1 and never differed: cara, nominated later, is excluded and her ballot elects bob
        assertThat(browser.findElement(By.id("elected-users")).getText()).isEqualTo("Elected: Bob Member.");
        WebElement rounds = browser.findElement(By.id("rounds-users"));
        // the heads as written (the style shows them in capitals)
        List<String> heads = rounds.findElements(By.cssSelector("thead th")).stream()
                .map(h -> h.getAttribute("textContent").strip()).toList();
        assertThat(heads).containsExactly("Candidate", "Round 1", "Round 2", "Result");
        List<String> caraRow = rounds.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getAttribute("textContent").strip().equals("Cara Member"))
                .findFirst().orElseThrow()
                .findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(caraRow).containsExactly("1.000000", "0.000000", "excluded");
        assertThat(rounds.getAttribute("textContent")).contains("Cara Member excluded", "Quota");
        // what moved: nothing in round 1 (first preferences), cara's whole vote in round 2; and her keep value falls to 0
        assertThat(cells(rounds, "Transferred")).containsExactly("first preferences", "1.000000", "");
        assertThat(cells(rounds, "Keep value: Cara Member")).containsExactly("1.000000", "0.000000", "");
        assertThat(cells(rounds, "Keep value: Bob Member")).containsExactly("1.000000", "1.000000", "");
        // the table scrolls sideways in its own box on a phone, which a keyboard user reaches by focusing it
        WebElement box = rounds.findElement(By.xpath(".."));
        assertThat(box.getAttribute("tabindex")).isEqualTo("0");
        assertThat(box.getAttribute("role")).isEqualTo("region");
        assertThat(box.getAttribute("aria-label")).isEqualTo("The count for Users, round by round");
        // and as a chart whose description says every round's votes and quota
        WebElement chart = browser.findElement(By.id("election-chart-users"));
        assertThat(chart.findElement(By.tagName("title")).getAttribute("textContent"))
                .isEqualTo("Users: votes per candidate in each round, with the quota");
        assertThat(chart.findElement(By.tagName("desc")).getAttribute("textContent"))
                .contains("Round 1: ", "Cara Member 1", "Round 2: ", "Quota ");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", chart);
        HeadlessChromium.screenshot(browser, "election-chart");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('election').scrollIntoView()");
        HeadlessChromium.screenshot(browser, "board-election-closed");
    }

    /** The cells of the rounds table's row headed {@code head}, as shown. */
    private static List<String> cells(WebElement table, String head) {
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getAttribute("textContent").strip().equals(head))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + head))
                .findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    /** Numbers the candidates on the election ballot form and casts it. */
    private void rank(Map<String, String> places) {
        places.forEach((member, place) -> {
            WebElement input = browser.findElement(By.id("rank-" + member));
            input.clear();
            input.sendKeys(place);
        });
        browser.findElement(By.id("cast-election-ballot")).click();
        assertThat(browser.findElement(By.id("my-ballot")).getText()).startsWith("you ranked");
    }

    private void signInAgain(String username, String proposal, String coop) {
        browser.findElement(By.id("sign-out")).click();
        signIn(username);
        browser.get(page("/cooperatives/" + coop + "/proposals/" + proposal));
    }
}
