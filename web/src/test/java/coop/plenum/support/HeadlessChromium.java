package coop.plenum.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Chromium and ChromeDriver (packages chromium, chromium-driver), never a downloaded browser. On CI
 * (CI=true) a missing browser fails the build; on a developer machine without it the browser tests are skipped.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    public static WebDriver start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--password-store=basic",
                // no proxy auto-detection, Safe Browsing or other lookups: this machine has no network, and a
                // navigation waiting on one occasionally stalled past the page-load limit
                "--no-proxy-server", "--disable-extensions", "--disable-default-apps", "--disable-domain-reliability",
                "--disable-client-side-phishing-detection", "--safebrowsing-disable-auto-update", "--no-default-browser-check",
                // the password manager checks leaked credentials over the network after a login form is submitted;
                // this machine has no network, and that check can stall the navigation
                "--disable-features=PasswordLeakDetection,PasswordManagerOnboarding,AutofillServerCommunication,OptimizationHints",
                "--user-data-dir=" + Files.createTempDirectory("plenum-chromium-"));
        options.setExperimentalOption("prefs", java.util.Map.of(
                "credentials_enable_service", false,
                "profile.password_manager_enabled", false,
                "profile.password_manager_leak_detection", false,
                "safebrowsing.enabled", false));
        // wait for the DOM, not for the load event: after a failed sign-in Chromium occasionally never reported the
        // page loaded on this network-less machine; tests find their elements with waits anyway
        options.setPageLoadStrategy(org.openqa.selenium.PageLoadStrategy.EAGER);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        // a stalled page fails the test in seconds, not after the driver's default of five minutes
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        WaitForNavigation waitForNavigation = new WaitForNavigation();
        WebDriver decorated = new org.openqa.selenium.support.events.EventFiringDecorator<WebDriver>(waitForNavigation).decorate(driver);
        waitForNavigation.attachTo(decorated);
        return decorated;
    }

    /**
     * The page that held {@code element} has gone (a navigation or re-render replaced it). Selenium's stalenessOf
     * expects a StaleElementReferenceException, but Chromium 156 sometimes answers a detached node with a plain
     * "Node with given id does not belong to the document" error, which stalenessOf lets through and fails the test.
     */
    public static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(org.openqa.selenium.WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException stale) {
                return true;
            } catch (org.openqa.selenium.WebDriverException detached) {
                if (detached.getMessage() != null && detached.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw detached;
            }
        };
    }

    /** Saves what the browser shows to target/screenshots/NAME.png, for people reviewing a run. */
    public static void screenshot(WebDriver driver, String name) throws IOException {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(png.toPath(), target.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
