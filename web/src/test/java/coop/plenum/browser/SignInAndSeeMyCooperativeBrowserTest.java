package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import coop.plenum.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

class SignInAndSeeMyCooperativeBrowserTest extends BrowserTest {

    private void signInFromTheHomePage(String username, String password) {
        browser.get(page("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    @Test
    void aFounderSignsInSeesTheCooperativeAndItsCharter() throws Exception {
        String username = unique("mara");
        String founder = createAccount(username, "Mara Lindqvist");
        foundCooperative(riverside(founder));

        signInFromTheHomePage(username, username + "-password");
        assertThat(browser.findElement(By.id("cooperatives")).getText()).contains("Riverside Energy", "secretary");
        HeadlessChromium.screenshot(browser, "my-cooperatives");

        browser.findElement(By.partialLinkText("Riverside Energy")).click();
        assertThat(browser.findElement(By.id("cooperative-name")).getText()).isEqualTo("Riverside Energy");
        String classes = browser.findElement(By.id("classes")).getText();
        assertThat(classes).contains("Workers", "60%", "50%", "Users", "40%", "20%");
        assertThat(browser.findElement(By.id("members")).getText()).contains("Mara Lindqvist", "active");
        HeadlessChromium.screenshot(browser, "cooperative");
    }

    @Test
    void aWrongPasswordShowsAnErrorAndNoCooperatives() throws Exception {
        String username = unique("wrong");
        createAccount(username, "Wrong Password");
        signInFromTheHomePage(username, "not-the-password");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("do not match");
        HeadlessChromium.screenshot(browser, "login-failed");
    }

    @Test
    void someoneWithoutCooperativesIsToldSo() {
        String username = unique("new");
        createAccount(username, "Newcomer");
        signInFromTheHomePage(username, username + "-password");
        assertThat(browser.findElement(By.id("no-cooperatives")).getText()).contains("No cooperative yet");
    }
}
