package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import coop.plenum.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, in the browser: the author revises a proposal and sees what changed, a member answers a comment with
 * formatting, and a charter amendment is drafted, previewed and submitted through the form, without JavaScript
 * doing any of it.
 */
class ReviseDiscussAndAmendBrowserTest extends BrowserTest {

    @Test
    void theAuthorRevisesAMemberRepliesInMarkdownAndTheSecretaryAmendsTheCharterThroughTheForm() throws Exception {
        Cooperators steps = new Cooperators(http);
        String alice = unique("alice");
        String aliceId = createAccount(alice, "Alice Secretary");
        String coop = foundCooperative(riverside(aliceId));
        String bob = unique("bob");
        createAccount(bob, "Bob Member");
        steps.command(alice, coop, steps.apply(coop, bob, "users"), "admission");

        signIn(bob);
        browser.get(page("/cooperatives/" + coop + "/proposals/new"));
        browser.findElement(By.id("title")).sendKeys("Community solar roof");
        browser.findElement(By.id("body")).sendKeys("Panels on the depot roof.\nPaid from the reserve.");
        browser.findElement(By.id("submit-proposal")).click();
        // the proposal's page has arrived once its edit button is there: read its address only then (read at the
        // click, it could still be the form's, and the second member later opened the empty form: a CI failure)
        WebElement edit = browser.findElement(By.id("edit-proposal"));
        String proposalPage = browser.getCurrentUrl();

        edit.click();
        WebElement body = browser.findElement(By.id("body"));
        assertThat(body.getAttribute("value")).isEqualTo("Panels on the depot roof.\nPaid from the reserve.");
        body.clear();
        body.sendKeys("Panels on the school roof.\nPaid from the reserve.");
        browser.findElement(By.id("save-revision")).click();
        WebElement latest = browser.findElement(By.id("revision-2"));
        assertThat(latest.findElement(By.cssSelector(".diff-del")).getText()).isEqualTo("depot");
        assertThat(latest.findElement(By.cssSelector(".diff-ins")).getText()).isEqualTo("school");
        HeadlessChromium.screenshot(browser, "proposal-revisions");

        browser.findElement(By.id("comment-text")).sendKeys("Who **maintains** it?");
        browser.findElement(By.id("add-comment")).click();
        WebElement question = browser.findElement(By.cssSelector("#comments article.comment"));
        assertThat(question.findElement(By.cssSelector(".comment-text strong")).getText()).isEqualTo("maintains");
        String questionId = question.getAttribute("id").substring("comment-".length());

        signIn(alice);
        browser.get(proposalPage);
        browser.findElement(By.cssSelector("#comment-" + questionId + " details.reply summary")).click();
        browser.findElement(By.id("reply-text-" + questionId)).sendKeys("The supplier, see [the contract](https://example.org/c).");
        browser.findElement(By.id("reply-" + questionId)).click();
        WebElement reply = browser.findElement(By.cssSelector("article.comment-indent-1"));
        assertThat(reply.findElement(By.cssSelector(".reply-of")).getText()).isEqualTo("in reply to Bob Member");
        assertThat(reply.findElement(By.cssSelector(".comment-text a")).getAttribute("rel")).isEqualTo("nofollow noopener");
        HeadlessChromium.screenshot(browser, "proposal-discussion");

        browser.get(page("/cooperatives/" + coop + "/proposals/new"));
        browser.findElement(By.cssSelector("#charter-form-link a")).click();
        browser.findElement(By.id("title")).sendKeys("Users weigh as much as workers");
        browser.findElement(By.id("add-class")).click();
        browser.findElement(By.id("class-id-2")).sendKeys("makers");
        browser.findElement(By.id("class-name-2")).sendKeys("Makers");
        browser.findElement(By.id("class-weight-2")).sendKeys("10");
        browser.findElement(By.id("class-quorum-2")).sendKeys("10");
        browser.findElement(By.id("preview-amendment")).click();
        // 60 + 40 + 10: the rule's refusal is shown by the classes it concerns, what was typed kept
        assertThat(browser.findElement(By.id("charter-classes")).getText()).contains("class weights must sum to 100, they sum to 110");
        assertThat(browser.findElement(By.id("class-id-2")).getAttribute("value")).isEqualTo("makers");
        WebElement workers = browser.findElement(By.id("class-weight-0"));
        workers.clear();
        workers.sendKeys("50");
        browser.findElement(By.id("preview-amendment")).click();
        assertThat(browser.findElement(By.id("charter-changes")).getText()).contains("Class workers: weight", "60 %", "50 %")
                .contains("Class makers", "Makers, weight 10 %, quorum 10 %");
        HeadlessChromium.screenshot(browser, "charter-amendment-preview");
        browser.findElement(By.id("submit-amendment")).click();
        assertThat(browser.findElement(By.id("proposal-title")).getText()).isEqualTo("Users weigh as much as workers");
        assertThat(browser.findElement(By.className("lead")).getText()).containsIgnoringCase("charter amendment");
    }
}
