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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, "Done when": a member proposes a participatory budget with five projects through the form, members tick
 * the projects they would fund on the ballot form (costs shown), the secretary closes the vote, and the page lists the
 * funded projects with what supporters paid (and what the signed-in member paid), the leftover and the greedy rule's
 * choice side by side; the ledger then
 * shows the funded projects as allocations, and the secretary marks one spent with its labelled form.
 */
class FundProjectsByEqualSharesBrowserTest extends BrowserTest {

    @Test
    void threeMembersFundFiveProjectsByEqualSharesAndThePageListsTheFundedOnesBesideGreedy() throws Exception {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId));   // alice: workers (60); bob and cara: users (40)
        String bob = unique("bob");
        createAccount(bob, "Bob Member");
        steps.command(alice, coop, steps.apply(coop, bob, "users"), "admission");
        String cara = unique("cara");
        createAccount(cara, "Cara Member");
        steps.command(alice, coop, steps.apply(coop, cara, "users"), "admission");

        signIn(alice);
        browser.get(page("/cooperatives/" + coop + "/proposals/new"));
        browser.findElement(By.id("title")).sendKeys("This year's projects");
        browser.findElement(By.id("body")).sendKeys("Tick the projects you would fund.");
        new Select(browser.findElement(By.id("method"))).selectByValue("BUDGET");
        browser.findElement(By.id("budgetAmount")).sendKeys("1000");
        WebElement currency = browser.findElement(By.id("budgetCurrency"));
        currency.clear();
        currency.sendKeys("EUR");
        browser.findElement(By.id("options")).sendKeys("Community garden; 600\nCargo bikes; 200\nNew roof; 900\n"
                + "Repair cafe; 150\nSolar lamps; 250.50");
        browser.findElement(By.id("submit-proposal")).click();
        assertThat(browser.findElement(By.id("proposal-title")).getText()).isEqualTo("This year's projects");
        assertThat(browser.findElement(By.id("vote-method")).getText()).isEqualTo("Participatory budget");
        assertThat(browser.findElements(By.cssSelector("#vote-options li"))).hasSize(5);
        String proposal = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        browser.findElement(By.id("open-vote")).click();
        assertThat(browser.findElement(By.id("proposal-state")).getText()).isEqualToIgnoringCase("voting");

        // shares of 1000: alice 600 (workers), bob and cara 200 each (users' 400 between two)
        assertThat(browser.findElement(By.id("ballot-form")).getText()).contains("(600 EUR)").contains("(250.50 EUR)");
        approve("community-garden", "new-roof");
        assertThat(browser.findElement(By.id("my-ballot")).getText()).isEqualTo("you approved Community garden, New roof");
        signInAgain(bob, proposal, coop);
        approve("cargo-bikes", "new-roof", "repair-cafe");
        signInAgain(cara, proposal, coop);
        approve("cargo-bikes", "solar-lamps", "new-roof");

        signInAgain(alice, proposal, coop);
        browser.findElement(By.id("close-vote")).click();
        WebElement confirm = browser.findElement(By.id("confirm"));
        confirm.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(HeadlessChromium.gone(confirm));
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("proposal-state")).getText().equalsIgnoreCase("closed"));
        assertThat(browser.findElements(By.id("ballot-form"))).as("no ballots after closing").isEmpty();

        // cargo bikes: bob and cara pay 100 each (rho 100); the garden: alice pays her 600; the roof, approved by all,
        // is no longer affordable (800 left between them); add-one then brings the repair cafe within bob's reach.
        // Greedy buys the most approved project, the roof (900), and nothing else fits.
        assertThat(browser.findElement(By.id("results-outcome")).getText()).startsWith("Decided:").endsWith("funded.");
        List<WebElement> rows = browser.findElements(By.cssSelector("#budget-projects tbody tr"));
        assertThat(rows).hasSize(5);
        assertThat(browser.findElements(By.cssSelector("#budget-projects tbody tr.winner")).stream()
                .map(r -> r.getAttribute("data-project")).toList()).contains("community-garden", "cargo-bikes")
                .doesNotContain("new-roof");
        assertThat(browser.findElement(By.cssSelector("#budget-projects tr[data-project='new-roof'] td[data-field='greedy']"))
                .getText()).isEqualTo("funded");
        assertThat(browser.findElement(By.cssSelector("#budget-projects tr[data-project='cargo-bikes'] td:nth-of-type(4)"))
                .getText()).isEqualTo("100.000000");
        assertThat(browser.findElement(By.id("budget-leftover")).getText()).isNotBlank();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('budget-projects').scrollIntoView()");
        // what the signed-in member paid (issue 15): alice alone paid for the garden
        assertThat(browser.findElement(By.id("budget-you-paid")).getText()).isEqualTo("You paid 600.00 EUR towards Community garden.");
        HeadlessChromium.screenshot(browser, "budget-vote-closed");

        // the ledger learns of the decision through its policy: the allocations appear on the ledger page shortly
        browser.get(page("/cooperatives/" + coop + "/ledger"));
        for (long deadline = System.nanoTime() + 20_000_000_000L;
             browser.findElements(By.id("allocation-list")).isEmpty() && System.nanoTime() < deadline; ) {
            Thread.sleep(200);
            browser.get(page("/cooperatives/" + coop + "/ledger"));
        }
        By bikes = By.cssSelector("#allocation-list tr.allocation-line[data-project='cargo-bikes']");
        WebElement line = browser.findElement(bikes);
        assertThat(line.findElement(By.cssSelector("td[data-field='remaining']")).getText()).isEqualTo("200.00 EUR");
        line.findElement(By.tagName("summary")).click();
        WebElement amount = line.findElement(By.name("amount"));
        assertThat(amount.findElement(By.xpath("..")).getText()).startsWith("Amount spent (EUR)");
        amount.sendKeys("180");
        line.findElement(By.name("note")).sendKeys("Invoice 7, Velo Works");
        line.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Budget line marked spent.");
        line = browser.findElement(bikes);
        assertThat(line.findElement(By.cssSelector("td[data-field='spent']")).getText()).isEqualTo("180.00 EUR");
        assertThat(line.findElement(By.cssSelector("td[data-field='remaining']")).getText()).isEqualTo("20.00 EUR");
        assertThat(line.findElement(By.cssSelector("td.allocation-status")).getText()).startsWith("spent on").contains("Invoice 7, Velo Works");
        assertThat(line.findElements(By.tagName("form"))).as("a spent line offers no form").isEmpty();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('allocations').scrollIntoView()");
        HeadlessChromium.screenshot(browser, "budget-line-spent");
    }

    private void approve(String... projects) {
        for (String project : projects) {
            browser.findElement(By.id("approve-" + project)).click();
        }
        browser.findElement(By.id("cast-ballot")).click();
        assertThat(browser.findElement(By.id("my-ballot")).getText()).startsWith("you approved");
    }

    private void signInAgain(String username, String proposal, String coop) {
        browser.findElement(By.id("sign-out")).click();
        signIn(username);
        browser.get(page("/cooperatives/" + coop + "/proposals/" + proposal));
    }
}
