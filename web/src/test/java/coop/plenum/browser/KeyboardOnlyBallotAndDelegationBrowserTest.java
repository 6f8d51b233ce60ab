package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import java.time.Duration;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: someone who cannot use a mouse signs in, casts a ballot and gives their vote to a delegate with the
 * keyboard alone: Tab and Shift+Tab to move, Enter and Space to press, letters to type. Nothing is clicked. Every
 * control reached shows where the focus is (the stylesheet's :focus-visible ring), and the first Tab on a page reaches
 * "Skip to content".
 */
class KeyboardOnlyBallotAndDelegationBrowserTest extends BrowserTest {

    /** More presses than any page here needs to reach a control; a control not reached in these is unreachable. */
    private static final int MOST_TABS = 80;

    @Test
    void aMemberVotesAndDelegatesWithTabShiftTabEnterAndSpaceOnly() throws Exception {
        AliceAndBob coop = riversideWithAliceAndBob();
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop.coop()).headers(as(coop.alice()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Community solar roof\",\"body\":\"Panels on the depot\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(com.fasterxml.jackson.databind.JsonNode.class)
                .returnResult().getResponseBody().get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop.coop(), proposal).headers(as(coop.alice()))
                .exchange().expectStatus().isNoContent();

        signInWithTheKeyboard(coop.bob());

        // the ballot: the skip link first, then on to the Yes button; Shift+Tab comes back from No
        browser.get(page("/cooperatives/" + coop.coop() + "/proposals/" + proposal));
        browser.findElement(By.id("vote-yes"));
        press(Keys.TAB);
        assertThat(focused().getAttribute("id")).as("the first Tab reaches the skip link").isEqualTo("skip-link");
        assertThat(focused().getText()).isEqualTo("Skip to content");
        assertThat(focused().getRect().getY()).as("the skip link is on screen once focused").isGreaterThanOrEqualTo(0);
        assertFocusIsVisible();
        press(Keys.ENTER);
        tabTo("vote-no");
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(focused().getAttribute("id")).as("Shift+Tab goes back from No to Yes").isEqualTo("vote-yes");
        assertFocusIsVisible();
        press(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("my-choice")).isEmpty());
        assertThat(browser.findElement(By.id("my-choice")).getText()).isEqualTo("YES");
        assertThat(browser.findElement(By.id("vote-yes")).getText()).as("the choice is marked in words, not colour alone")
                .contains("✓").contains("your choice");
        assertThat(browser.findElement(By.id("vote-no")).getText()).isEqualTo("No");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('ballot').scrollIntoView()");
        HeadlessChromium.screenshot(browser, "keyboard-ballot-cast");

        // the delegation: Tab to the delegate for every topic, type the name, Tab to Save, press Space
        browser.get(page("/cooperatives/" + coop.coop() + "/delegations"));
        browser.findElement(By.id("delegate-_global"));
        tabTo("delegate-_global");
        press("Alice");
        tabTo("delegate-button-_global");
        press(Keys.SPACE);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("revoke-_global")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#delegate-_global option:checked")).getText()).isEqualTo("Alice Secretary");
        HeadlessChromium.screenshot(browser, "keyboard-delegation-set");
        assertThat(http.get().uri("/api/v1/cooperatives/{c}/members/{m}/delegations", coop.coop(), coop.bobMember())
                .headers(as(coop.bob())).exchange().expectBody(String.class).returnResult().getResponseBody())
                .contains(coop.aliceMember());
    }

    private void signInWithTheKeyboard(String username) {
        browser.get(page("/login"));
        browser.findElement(By.id("username"));
        // Chromium (150) gives the autofocused field no :focus until the page has had a key press, as a person
        // arriving by keyboard would give it: Tab on and back, then on to the field, every stop showing its ring
        press(Keys.TAB);
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        tabTo("username");
        press(username);
        press(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("password");
        press(username + "-password");
        press(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Presses Tab until the control with this id has the focus, checking each control passed shows its focus. */
    private void tabTo(String id) {
        for (int i = 0; i < MOST_TABS; i++) {
            if (id.equals(focused().getAttribute("id"))) {
                assertFocusIsVisible();
                return;
            }
            press(Keys.TAB);
            assertFocusIsVisible();
        }
        throw new AssertionError("#" + id + " is not reached by " + MOST_TABS + " presses of Tab on " + browser.getCurrentUrl());
    }

    private void press(CharSequence keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** The focused control draws an outline (the :focus-visible ring), unless the focus is on the page itself. */
    private void assertFocusIsVisible() {
        Object ring = ((JavascriptExecutor) browser).executeScript("""
                const e = document.activeElement;
                if (!e || e === document.body || e.tagName === 'MAIN') return 'page';
                const s = getComputedStyle(e);
                return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'ring'
                     : e.tagName.toLowerCase() + '#' + e.id + '.' + e.className + ' outline ' + s.outlineStyle + ' ' + s.outlineWidth
                       + (document.hasFocus() ? '' : ' (the page has no focus)');""");
        assertThat(ring).as("the focused control shows a focus ring").isIn("ring", "page");
    }
}
