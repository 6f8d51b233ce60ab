package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.HeadlessChromium;
import coop.plenum.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: a secretary invites an email address on the invitations page; the mail arrives; its link creates the
 * account, and the new person is a member at once (the charter's admission is by a secretary).
 */
class InviteByEmailAndJoinBrowserTest extends BrowserTest {

    @Test
    void aSecretaryInvitesByEmailAndTheLinkMakesTheNewPersonAMember() throws Exception {
        String secretary = unique("sofia");
        String coop = foundCooperative(riverside(createAccount(secretary, "Sofia Secretary")));
        String email = unique("nina") + "@example.coop";

        signIn(secretary);
        browser.get(page("/cooperatives/" + coop));
        browser.findElement(By.id("invitations-link")).click();
        browser.findElement(By.id("people")).sendKeys(email);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("classId"))).selectByValue("users");
        HeadlessChromium.screenshot(browser, "invite");
        browser.findElement(By.id("send-invitations")).click();
        assertThat(browser.findElement(By.id("sent")).getText()).contains(email, "emailed");
        assertThat(browser.findElement(By.cssSelector("#invitations tr[data-email='" + email + "']")).getAttribute("data-status"))
                .isEqualTo("PENDING");
        browser.findElement(By.id("sign-out")).click();

        List<MimeMessage> mails = TestMail.to(email, 1);
        assertThat(mails).hasSize(1);
        browser.get(page(TestMail.linkPath(mails.get(0), "/invitations/")));
        assertThat(browser.findElement(By.id("invitation-summary")).getText()).contains(email, "Users", "member at once");
        String nina = unique("nina");
        browser.findElement(By.id("username")).sendKeys(nina);
        browser.findElement(By.id("displayName")).sendKeys("Nina Newcomer");
        browser.findElement(By.id("password")).sendKeys(nina + "-password");
        HeadlessChromium.screenshot(browser, "invitation-create-account");
        browser.findElement(By.id("create-and-join")).click();

        assertThat(browser.findElement(By.id("notice")).getText()).contains("joined through your invitation");
        browser.findElement(By.partialLinkText("Riverside Energy")).click();
        String directory = browser.findElement(By.id("members")).getText();
        assertThat(directory).contains("Nina Newcomer", "Users", "active");
        HeadlessChromium.screenshot(browser, "directory-after-invitation");
    }
}
