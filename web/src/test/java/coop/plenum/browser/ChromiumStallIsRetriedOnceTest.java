package coop.plenum.browser;

import coop.plenum.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser-test harness reruns a test once, in a fresh browser, when Chromium stops answering the driver. */
class ChromiumStallIsRetriedOnceTest extends BrowserTest {

    private static int attempts;

    @Test
    void aRendererStallRunsTheTestAgainInAFreshBrowser() {
        attempts++;
        browser.get(page("/login"));
        if (attempts == 1) {
            throw new TimeoutException("timeout: Timed out receiving message from renderer: 30.000");
        }
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(attempts).isEqualTo(2);
    }
}
