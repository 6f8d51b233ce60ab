package coop.plenum.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/**
 * A click on a link or a form's submit button returns before the browser has left the page. The next
 * {@code findElement} could then find an element of the old page that the new one also has (a form's
 * {@code #charter-classes} before and after its preview), whose text then went stale, or a {@code get} could be
 * overtaken by a sign-out POST landing after it. Both failed CI runs on a busy machine. So after such a click the
 * browser waits until the page it was on has gone; a click that does not navigate (a summary, a script button, a
 * form the browser's own validation stops) does not wait.
 */
public final class WaitForNavigation implements WebDriverListener {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    /** True when clicking the element leaves the page: a link elsewhere, or a submit button of a form that will submit. */
    private static final String NAVIGATES = """
            var el = arguments[0];
            var link = el.closest('a[href]');
            if (link) {
              var href = link.getAttribute('href');
              return !href.startsWith('#') && (link.protocol === 'http:' || link.protocol === 'https:')
                  && (!link.target || link.target === '_self') && !link.hasAttribute('download');
            }
            var button = el.closest('button, input');
            if (!button || !button.form || button.disabled) return false;
            if (button.type !== 'submit' && button.type !== 'image') return false;
            if (button.form.dataset.confirm) return false;
            return button.form.noValidate || button.formNoValidate || button.form.checkValidity();
            """;

    private WebDriver driver;
    private WebElement leaving;

    public void attachTo(WebDriver decorated) {
        this.driver = decorated;
    }

    @Override
    public void beforeClick(WebElement element) {
        leaving = null;
        if (driver == null) {
            return;
        }
        try {
            if (Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(NAVIGATES, element))) {
                leaving = driver.findElement(By.tagName("html"));
            }
        } catch (RuntimeException unknown) {
            // the element is already gone or the page is mid-navigation: nothing to wait for
        }
    }

    @Override
    public void afterClick(WebElement element) {
        WebElement page = leaving;
        leaving = null;
        if (page == null) {
            return;
        }
        try {
            new WebDriverWait(driver, LIMIT).until(HeadlessChromium.gone(page));
        } catch (TimeoutException stayed) {
            // the page stayed (a server that did not answer in time): the test's next step says what is missing
        }
    }
}
