package coop.plenum.browser;

import coop.plenum.governance.audit.offline.AuditCommand;
import coop.plenum.support.BrowserTest;
import coop.plenum.support.Cooperators;
import coop.plenum.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: an auditor signs in, opens the cooperative's history, filters it, presses "verify now" and reads that
 * the history holds, downloads the export and the public key, and checks the export offline with the same command
 * the page prints, with no server involved.
 */
class AuditorVerifiesAndExportsBrowserTest extends BrowserTest {

    @Test
    void anAuditorFiltersTheHistoryVerifiesItAndChecksTheDownloadedExportOffline() throws Exception {
        Cooperators steps = new Cooperators(http);
        AliceAndBob riverside = riversideWithAliceAndBob();
        String alice = riverside.alice();
        String aliceId = riverside.aliceId();
        String coop = riverside.coop();
        String bob = riverside.bob();
        String bobMember = riverside.bobMember();
        String aliceMember = riverside.aliceMember();
        String auditor = unique("audra");
        steps.setRoles(alice, coop, createAccount(auditor, "Audra Auditor"), "[\"AUDITOR\"]");
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(bob))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Solar roof\",\"body\":\"Panels\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(com.fasterxml.jackson.databind.JsonNode.class)
                .returnResult().getResponseBody().get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice)).exchange()
                .expectStatus().isNoContent();
        for (String[] ballot : new String[][]{{alice, aliceMember, "YES"}, {bob, bobMember, "NO"}}) {
            http.put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, proposal, ballot[1]).headers(as(ballot[0]))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"choice\":\"" + ballot[2] + "\"}").exchange()
                    .expectStatus().is2xxSuccessful();
        }
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, proposal).headers(as(alice)).exchange()
                .expectStatus().isNoContent();

        signIn(auditor);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(page("/cooperatives/" + coop));
        browser.findElement(By.id("audit-link")).click();
        wait.until(d -> !d.findElements(By.id("verify-now")).isEmpty());
        browser.findElement(By.id("history-link")).click();
        wait.until(d -> !d.findElements(By.id("timeline")).isEmpty());
        assertThat(kinds()).startsWith("CooperativeFounded").contains("BallotCast", "VotingClosed");

        browser.findElement(By.id("filter-kind")).sendKeys("BallotCast");
        browser.findElement(By.id("apply-filters")).click();
        wait.until(d -> d.getCurrentUrl().contains("kind=BallotCast"));
        assertThat(kinds()).containsExactly("BallotCast", "BallotCast");
        List<WebElement> rows = browser.findElements(By.cssSelector("#timeline tbody tr"));
        assertThat(rows.get(0).getText()).contains("Alice Secretary");
        assertThat(rows.get(1).getText()).contains("Bob Member");
        fitsA390PixelScreen("history");

        browser.findElement(By.linkText("Audit")).click();
        wait.until(d -> !d.findElements(By.id("verify-now")).isEmpty());
        browser.findElement(By.id("verify-now")).click();
        wait.until(d -> !d.findElements(By.id("verification-headline")).isEmpty());
        assertThat(browser.findElement(By.id("verification")).getAttribute("data-ok")).isEqualTo("true");
        assertThat(browser.findElement(By.id("verification-headline")).getText()).startsWith("OK");
        assertThat(Long.parseLong(browser.findElement(By.id("events-checked")).getText())).isGreaterThan(5);
        String command = browser.findElement(By.id("verify-command")).getText();
        assertThat(command).isEqualTo("java -jar plenum.jar audit verify audit-" + coop + ".ndjson --public-key plenum-public-key.json");
        fitsA390PixelScreen("workspace");

        // the browser's own session fetches what the download links point at
        Path dir = Files.createTempDirectory("plenum-audit-download-");
        Path export = dir.resolve("audit-" + coop + ".ndjson");
        Files.writeString(export, download("download-export"), StandardCharsets.UTF_8);
        Path key = dir.resolve("plenum-public-key.json");
        Files.writeString(key, download("download-public-key"), StandardCharsets.UTF_8);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AuditCommand.run(List.of("audit", "verify", export.toString(), "--public-key", key.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("%s%s", report, err).isZero();
        assertThat(report).contains("OK: the history holds").containsPattern("decisions re-tallied\\s+1")
                .containsPattern("matching\\s+1");
        assertThat(AuditCommand.run(List.of("audit", "verify", export.toString()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()))).isZero();

        // the decision, stepped back one ballot, then re-tallied under two thirds: hypothetical
        browser.findElement(By.cssSelector("li[data-proposal='" + proposal + "'] a")).click();
        wait.until(d -> !d.findElements(By.id("steps")).isEmpty());
        assertThat(browser.findElement(By.id("tally-outcome")).getText()).isEqualTo("accepted · approval 0.600000");
        browser.findElement(By.id("previous-step")).click();
        wait.until(d -> d.getCurrentUrl().contains("step=2"));
        assertThat(browser.findElement(By.cssSelector("#steps li.current")).getText()).contains("Bob Member voted NO");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("what-if-threshold"))).selectByValue("TWO_THIRDS");
        browser.findElement(By.id("what-if-submit")).click();
        wait.until(d -> !d.findElements(By.id("what-if-result")).isEmpty());
        assertThat(browser.findElement(By.id("what-if-result")).getText()).contains("HYPOTHETICAL");
        assertThat(browser.findElement(By.id("what-if-outcome")).getText()).isEqualTo("rejected · approval 0.600000");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('what-if-panel').scrollIntoView()");
        HeadlessChromium.screenshot(browser, "auditor-what-if");
        fitsA390PixelScreen("decision");
    }

    private List<String> kinds() {
        return browser.findElements(By.cssSelector("#timeline tbody tr")).stream().map(r -> r.getAttribute("data-kind")).toList();
    }

    private String download(String linkId) {
        String href = browser.findElement(By.id(linkId)).getAttribute("href");
        Object text = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => r.ok ? r.text() : Promise.reject('HTTP ' + r.status)).then(done, e => done('failed: ' + e));", href);
        assertThat(String.valueOf(text)).doesNotStartWith("failed:");
        return String.valueOf(text);
    }

    /** At a phone's 390 px the page scrolls down, never sideways (wide tables scroll inside their own box). */
    private void fitsA390PixelScreen(String name) throws Exception {
        Dimension wide = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            HeadlessChromium.screenshot(browser, "auditor-" + name + "-390px");
            Object widest = ((JavascriptExecutor) browser).executeScript("let w = null; for (const e of document.querySelectorAll('body *')) {"
                    + " const r = e.getBoundingClientRect(); if (r.right > document.documentElement.clientWidth + 1"
                    + " && !e.closest('.table-scroll') && (w == null || r.right > w.r)) w = {r: r.right, d: e.tagName + '#' + e.id + '.' + e.className}; }"
                    + " return w == null ? '' : w.d;");
            assertThat(((Number) overflow).intValue()).as("%s scrolls sideways at 390 px (widest: %s)", name, widest).isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(wide);
        }
    }
}
