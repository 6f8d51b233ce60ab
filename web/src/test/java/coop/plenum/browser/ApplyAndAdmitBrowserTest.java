package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue "Membership": apply as one account, admit as the secretary, see the new member in the directory. */
class ApplyAndAdmitBrowserTest extends BrowserTest {

    @Test
    void anApplicantIsAdmittedByTheSecretaryAndAppearsInTheDirectory() throws Exception {
        String secretary = unique("sofia");
        String coop = foundCooperative(riverside(createAccount(secretary, "Sofia Secretary")));
        String applicant = unique("cara");
        createAccount(applicant, "Cara Applicant");

        signIn(applicant);
        browser.get(page("/cooperatives/" + coop + "/apply"));
        browser.findElement(By.id("class-users")).click();
        HeadlessChromium.screenshot(browser, "apply");
        browser.findElement(By.id("send-application")).click();
        assertThat(browser.findElement(By.id("notice")).getText()).contains("application is with the secretary");
        assertThat(browser.findElement(By.id("cooperatives")).getText()).contains("Riverside Energy", "application pending");
        browser.findElement(By.id("sign-out")).click();

        signIn(secretary);
        browser.findElement(By.partialLinkText("Riverside Energy")).click();
        String queue = browser.findElement(By.id("admission-queue")).getText();
        assertThat(queue).contains("Cara Applicant", "Users");
        HeadlessChromium.screenshot(browser, "admission-queue");
        browser.findElement(By.cssSelector("tr[data-applicant='Cara Applicant'] button.button-primary")).click();

        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Admitted.");
        String directory = browser.findElement(By.id("members")).getText();
        assertThat(directory).contains("Cara Applicant", "Users", "active");
        HeadlessChromium.screenshot(browser, "directory-after-admission");

        browser.findElement(By.linkText("Cara Applicant")).click();
        assertThat(browser.findElement(By.id("history")).getText()).contains("Applied", "Admitted");
        HeadlessChromium.screenshot(browser, "member-history");
    }
}
