package coop.plenum.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import static coop.plenum.support.Cooperators.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 "Receipts a member can check alone", in the browser: a member votes, sees their receipt on the proposal
 * page, downloads it with its proof once signed, and checks it offline with the public key; "my receipts" lists it.
 * Both pages fit a 390 px wide phone.
 */
class VoteAndCheckMyReceiptBrowserTest extends BrowserTest {

    @Test
    void memberVotesAndDownloadsAReceiptThatVerifies() throws Exception {
        AliceAndBob riverside = riversideWithAliceAndBob();
        String alice = riverside.alice();
        String aliceId = riverside.aliceId();
        String coop = riverside.coop();
        String bob = riverside.bob();
        String bobMember = riverside.bobMember();
        String proposal = http.post().uri("/api/v1/cooperatives/{c}/proposals", coop).headers(as(alice))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"Community solar roof\",\"body\":\"Panels on the depot\",\"topic\":\"energy\",\"kind\":\"GENERAL\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("proposalId").asText();
        http.post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, proposal).headers(as(alice)).exchange()
                .expectStatus().isNoContent();

        signIn(bob);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(page("/cooperatives/" + coop + "/proposals/" + proposal));
        browser.findElement(By.id("vote-yes")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> !d.findElements(By.id("receipt-position")).isEmpty());

        long position = Long.parseLong(browser.findElement(By.id("receipt-position")).getText());
        String payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domainevententry where globalindex = ? "
                + "and aggregateidentifier = ? and payloadtype like '%BallotCast'", String.class, position, proposal);
        assertThat(payload).as("the receipt names Bob's ballot").contains(bobMember).contains("YES");
        String hash = browser.findElement(By.id("receipt-hash")).getText();
        assertThat(widerThanThePhone("#my-receipt")).as("the receipt fits 390 px").isEmpty();
        HeadlessChromium.screenshot(browser, "receipt-on-the-proposal-page");

        // a checkpoint covers it within the signing interval (10 s): reload until the download is offered
        new WebDriverWait(browser, Duration.ofSeconds(40), Duration.ofSeconds(1)).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.id("receipt-download")).isEmpty();
        });
        byte[] chained = jdbc.queryForObject("select event_hash from audit_chain_link where position = ?", byte[].class, position);
        assertThat(hash).isEqualTo(HexFormat.of().formatHex(chained));

        Path dir = Files.createTempDirectory("plenum-my-receipt-");
        Path receipt = dir.resolve("receipt.json");
        Files.writeString(receipt, download(browser.findElement(By.id("receipt-download")).getAttribute("href")));
        Path key = dir.resolve("key.json");
        Files.writeString(key, download(page("/cooperatives/" + coop + "/receipts/public-key")));
        JsonNode downloaded = new ObjectMapper().readTree(receipt.toFile());
        assertThat(downloaded.path("eventHash").asText()).isEqualTo(hash);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditCommand.run(List.of("audit", "receipt", receipt.toString(), "--public-key", key.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();

        browser.get(page("/cooperatives/" + coop));
        browser.findElement(By.id("receipts-link")).click();
        WebElement mine = browser.findElement(By.cssSelector("#receipts li[data-position='" + position + "']"));
        assertThat(mine.getAttribute("data-counts")).isEqualTo("true");
        assertThat(mine.getText()).contains("Community solar roof").contains(hash).contains("counts");
        assertThat(mine.findElement(By.className("receipt-download")).getAttribute("href"))
                .isEqualTo(browser.findElement(By.id("public-key-link")).getAttribute("href").replace("public-key", position + "/download"));
        assertThat(widerThanThePhone("body")).as("my receipts fits 390 px").isEmpty();
        HeadlessChromium.screenshot(browser, "my-receipts");
    }

    /** The elements that stick out past the window's right edge (none on a page that fits), for the failure message. */
    private List<String> widerThanThePhone(String within) {
        Object wide = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0] + ' *'))"
                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                        + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));", within);
        @SuppressWarnings("unchecked")
        List<String> elements = (List<String>) wide;
        return elements;
    }

    /** Fetches what the link downloads, signed in as the browser is (its session cookie). */
    private String download(String url) throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url + " → " + answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        return answer.body();
    }
}
