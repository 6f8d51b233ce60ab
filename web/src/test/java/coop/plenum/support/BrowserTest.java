package coop.plenum.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The booted application driven through headless Chromium, one fresh browser per test. */
@ExtendWith(BrowserTest.RetryWhenChromiumStalls.class)
public abstract class BrowserTest extends BootedPlenum {

    protected WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    /**
     * Headless Chromium 156 on this network-less machine occasionally stops answering the driver ("Timed out
     * receiving message from renderer"), most often right after a failed sign-in; it is the browser process, not
     * Plenum (the server answered, nothing was logged). Such a test runs once more in a fresh browser, with new
     * accounts; any other failure, and a second stall, fail the test as usual.
     */
    static final class RetryWhenChromiumStalls implements TestExecutionExceptionHandler {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RetryWhenChromiumStalls.class);

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
            if (!(thrown instanceof org.openqa.selenium.TimeoutException)
                    || thrown.getMessage() == null || !thrown.getMessage().contains("receiving message from renderer")) {
                throw thrown;
            }
            log.warn("Chromium stalled in {}; running it once more in a fresh browser", context.getDisplayName());
            BrowserTest test = (BrowserTest) context.getRequiredTestInstance();
            test.closeBrowser();
            test.openBrowser();
            java.lang.reflect.Method method = context.getRequiredTestMethod();
            method.setAccessible(true);
            try {
                method.invoke(test);
            } catch (java.lang.reflect.InvocationTargetException failedAgain) {
                throw failedAgain.getCause();
            }
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            try {
                browser.quit();
            } catch (RuntimeException alreadyGone) {
                // a stalled browser may not answer its own shutdown; its processes end with the driver service
            } finally {
                browser = null;
            }
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
