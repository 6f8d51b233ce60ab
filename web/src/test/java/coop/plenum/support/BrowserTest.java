package coop.plenum.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The booted application driven through headless Chromium, one fresh browser per test. */
public abstract class BrowserTest extends BootedPlenum {

    protected WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected String page(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the login form; test accounts' passwords are {@code username-password}. */
    protected void signIn(String username, String password) {
        browser.get(page("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        // navigating on before the login response arrives would cancel it and land on the login page again
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(d -> !d.getCurrentUrl().contains("/login") || !d.findElements(By.cssSelector(".alert-error")).isEmpty());
    }

    protected void signIn(String username) {
        signIn(username, username + "-password");
    }
}
