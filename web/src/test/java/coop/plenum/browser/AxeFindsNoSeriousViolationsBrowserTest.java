package coop.plenum.browser;

import com.fasterxml.jackson.databind.JsonNode;
import coop.plenum.support.Axe;
import coop.plenum.support.HeadlessChromium;
import coop.plenum.support.PageSession;
import coop.plenum.support.PlenumContexts;
import coop.plenum.web.demo.DemoCooperative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "Accessibility, checked": axe-core, run inside headless Chromium, finds no serious or critical violation
 * on any page Plenum serves: signed out, and signed in as a member, the secretary, the auditor, an applicant and the
 * operator; with forms showing their errors; and on a proposal of every voting method, open and closed. One booted
 * app with the demo cooperative (plus the approval and score votes the demo lacks) serves every page, so the check
 * costs one start-up.
 */
class AxeFindsNoSeriousViolationsBrowserTest {

    private static final String PASSWORD = "demo-secret";

    @TempDir
    Path dataDir;

    private WebDriver browser;
    private WebTestClient http;
    private int port;
    private String coop;
    private final Map<String, String> memberIds = new LinkedHashMap<>();
    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int pagesChecked;

    @Test
    void everyPageForEveryRoleHasNoSeriousOrCriticalAxeViolation() throws Exception {
        Axe axe = Axe.load();
        try (ConfigurableApplicationContext plenum = PlenumContexts.start(dataDir, "axe-admin", "--plenum.demo=true",
                "--plenum.demo-password=" + PASSWORD, "--plenum.security.bcrypt-strength=4")) {
            port = ((WebServerApplicationContext) plenum).getWebServer().getPort();
            http = PlenumContexts.client(plenum);
            findTheDemo();
            Map<String, String> proposals = proposalOfEveryMethodOpenAndClosed();
            browser = HeadlessChromium.start();
            try {
                checkSignedOut(axe);
                checkMember(axe, proposals);
                checkSecretary(axe, proposals);
                checkAuditor(axe, proposals);
                checkApplicant(axe);
                checkOperator(axe);
            } finally {
                browser.quit();
            }
        }
        System.out.println("axe-core on " + pagesChecked + " pages:\n" + String.join("\n", report));
        assertThat(pagesChecked).as("pages checked").isGreaterThan(60);
        assertThat(failures).as("serious or critical axe-core violations (rule [impact] help, then each element)")
                .isEmpty();
    }

    // ---- the pages, by who looks at them

    private void checkSignedOut(Axe axe) throws Exception {
        check(axe, "signed out", "login", "/login");
        check(axe, "signed out", "login, wrong password", "/login?error");
        check(axe, "signed out", "password reset", "/password-reset");
        check(axe, "signed out", "sign-up (closed: not found)", "/signup");
        check(axe, "signed out", "dead invitation link", "/invitations/00000000-0000-0000-0000-000000000000/nope");
        check(axe, "signed out", "dead password link", "/password-reset/00000000-0000-0000-0000-000000000000/nope");
    }

    private void checkMember(Axe axe, Map<String, String> proposals) throws Exception {
        signIn("ben");
        String c = "/cooperatives/" + coop;
        check(axe, "member", "home", "/");
        check(axe, "member", "cooperative", c);
        check(axe, "member", "proposals", c + "/proposals");
        check(axe, "member", "proposals, searched", c + "/proposals?q=solar");
        check(axe, "member", "activity timeline", c + "/activity");
        check(axe, "member", "new proposal", c + "/proposals/new");
        submitWithoutBrowserChecks("title", "");
        check(axe, "member", "new proposal with errors", null);
        for (Map.Entry<String, String> p : proposals.entrySet()) {
            check(axe, "member", "proposal " + p.getKey(), c + "/proposals/" + p.getValue());
        }
        // a refused ballot: an objection without its reason
        browser.get(page(c + "/proposals/" + proposals.get("CONSENT open")));
        browser.findElement(By.id("consent-object"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('consent-object').checked = true;"
                + "document.getElementById('ballot-reason').value = '';");
        submitWithoutBrowserChecks("reason", null);
        check(axe, "member", "consent ballot with errors", null);
        check(axe, "member", "delegations", c + "/delegations");
        check(axe, "member", "ledger", c + "/ledger");
        check(axe, "member", "receipts", c + "/receipts");
        check(axe, "member", "member", c + "/members/" + memberIds.get("Ben Hartley"));
        check(axe, "member", "another member", c + "/members/" + memberIds.get("Ada Okonkwo"));
        check(axe, "member", "inbox", "/notifications");
        check(axe, "member", "notification preferences", "/notifications/preferences");
        check(axe, "member", "account", "/account");
        check(axe, "member", "forbidden (invitations)", c + "/invitations");
        check(axe, "member", "not found", c + "/proposals/00000000-0000-0000-0000-000000000000");
        chartTextIsReadableOnAPhone(List.of(c + "/ledger", c + "/proposals/" + proposals.get("YES_NO closed")));
        signOut();
    }

    private void checkSecretary(Axe axe, Map<String, String> proposals) throws Exception {
        signIn("ada");
        String c = "/cooperatives/" + coop;
        check(axe, "secretary", "home", "/");
        check(axe, "secretary", "cooperative", c);
        for (Map.Entry<String, String> p : proposals.entrySet()) {
            check(axe, "secretary", "proposal " + p.getKey(), c + "/proposals/" + p.getValue());
        }
        browser.get(page(c + "/proposals/" + proposals.get("YES_NO open")));
        browser.findElement(By.id("close-vote")).click();
        browser.findElement(By.id("confirm-question"));
        check(axe, "secretary", "confirm closing a vote", null);
        check(axe, "secretary", "revising a proposal", c + "/proposals/" + proposals.get("YES_NO in deliberation") + "/edit");
        check(axe, "secretary", "charter amendment form", c + "/charter-amendment");
        int classes = browser.findElements(By.cssSelector("[id^=remove-class-]")).size();
        browser.findElement(By.id("add-class")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("[id^=remove-class-]")).size() == classes + 1);
        org.openqa.selenium.WebElement preview = browser.findElement(By.id("preview-amendment"));
        preview.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(HeadlessChromium.gone(preview));
        browser.findElement(By.tagName("main"));
        check(axe, "secretary", "charter amendment, a class added and previewed (errors shown)", null);
        check(axe, "secretary", "invitations", c + "/invitations");
        check(axe, "secretary", "webhooks", c + "/webhooks");
        check(axe, "secretary", "an applicant", c + "/members/" + memberIds.get("Grace Ito"));
        check(axe, "secretary", "a member", c + "/members/" + memberIds.get("Ben Hartley"));
        check(axe, "secretary", "ledger", c + "/ledger");
        check(axe, "secretary", "delegations", c + "/delegations");
        signOut();
    }

    private void checkAuditor(Axe axe, Map<String, String> proposals) throws Exception {
        signIn(DemoCooperative.AUDITOR);
        String c = "/cooperatives/" + coop;
        check(axe, "auditor", "home", "/");
        check(axe, "auditor", "cooperative", c);
        check(axe, "auditor", "audit workspace", c + "/audit");
        check(axe, "auditor", "audit history", c + "/audit/history");
        check(axe, "auditor", "audit of a closed vote", c + "/audit/proposals/" + proposals.get("YES_NO closed"));
        check(axe, "auditor", "audit of a closed ranked vote", c + "/audit/proposals/" + proposals.get("RANKED closed"));
        String secret = closedSecretVote();
        check(axe, "auditor", "audit of a closed secret vote, a sealed ballot", c + "/audit/proposals/" + secret + "?step=1");
        check(axe, "auditor", "audit of a closed secret vote, its revealed ballots",
                c + "/audit/proposals/" + secret + "?step=" + revealedStep(c + "/audit/proposals/" + secret));
        signOut();
    }

    private void checkApplicant(Axe axe) throws Exception {
        signIn("grace");
        check(axe, "applicant", "home", "/");
        check(axe, "applicant", "cooperative", "/cooperatives/" + coop);
        check(axe, "applicant", "apply", "/cooperatives/" + coop + "/apply");
        check(axe, "applicant", "account", "/account");
        signOut();
    }

    private void checkOperator(Axe axe) throws Exception {
        signIn("admin", "axe-admin");
        check(axe, "operator", "accounts", "/operator/accounts");
        check(axe, "operator", "cooperatives", "/operator/cooperatives");
        check(axe, "operator", "settings", "/operator/settings");
        signOut();
    }

    /**
     * Issue 14: at 390 px the server-drawn charts shrink to the card; their words and figures must stay readable, at
     * least 9.5 px on screen (the chart's font size times the scale it is drawn at).
     */
    private void chartTextIsReadableOnAPhone(List<String> paths) {
        org.openqa.selenium.Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            List<String> tooSmall = new ArrayList<>();
            int seen = 0;
            for (String path : paths) {
                browser.get(page(path));
                browser.findElement(By.tagName("main"));
                Object found = ((JavascriptExecutor) browser).executeScript("""
                        const small = []; let seen = 0;
                        for (const t of document.querySelectorAll('svg.chart text')) {
                          if (t.closest('details:not([open])') || t.getClientRects().length === 0) continue;
                          seen++;
                          const px = parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a;
                          if (px < 9.5) small.push('"' + t.textContent + '" ' + px.toFixed(1) + ' px');
                        }
                        return [seen, small.join(', ')];""");
                List<?> result = (List<?>) found;
                seen += ((Number) result.get(0)).intValue();
                if (!result.get(1).toString().isEmpty()) {
                    tooSmall.add(path + ": " + result.get(1));
                }
            }
            assertThat(seen).as("chart texts shown on %s", paths).isGreaterThan(3);
            assertThat(tooSmall).as("chart text smaller than 9.5 px at 390 px").isEmpty();
        } finally {
            browser.manage().window().setSize(laptop);
        }
    }

    // ---- running axe

    /** Opens the page (or checks the one shown when path is null) and runs axe on it. */
    private void check(Axe axe, String role, String name, String path) throws Exception {
        if (path != null) {
            browser.get(page(path));
        }
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        pagesChecked++;
        List<Axe.Violation> violations = axe.check(browser);
        String where = role + " · " + name + " (" + browser.getCurrentUrl().replace(page(""), "") + ")";
        for (Axe.Violation v : violations) {
            report.add("  " + where + ": " + v.rule() + " [" + v.impact() + "]");
            if (v.fails()) {
                failures.add("\n" + where + "\n    " + v);
            }
        }
    }

    // ---- set-up through the API and the browser

    private String page(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String username) {
        signIn(username, PASSWORD);
    }

    private void signIn(String username, String password) {
        browser.get(page("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void signOut() {
        browser.manage().deleteAllCookies();
    }

    /** Sends the form holding the named field as the browser would, but past its own required/min checks. */
    private void submitWithoutBrowserChecks(String field, String value) {
        String url = browser.getCurrentUrl();
        ((JavascriptExecutor) browser).executeScript("""
                const f = document.querySelector('main [name="' + arguments[0] + '"]');
                if (arguments[1] !== null) f.value = arguments[1];
                f.form.noValidate = true; f.form.requestSubmit();""", field, value);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(".alert-error")).isEmpty()
                || !d.getCurrentUrl().equals(url));
        assertThat(browser.findElements(By.cssSelector(".alert-error"))).as("the refusal shown at " + browser.getCurrentUrl()).isNotEmpty();
    }

    private void findTheDemo() {
        for (JsonNode c : api("ada").get().uri("/api/v1/cooperatives").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody()) {
            if (c.get("name").asText().equals(DemoCooperative.COOPERATIVE_NAME)) {
                coop = c.get("cooperativeId").asText();
            }
        }
        for (JsonNode m : api("ada").get().uri("/api/v1/cooperatives/{c}/members", coop).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody()) {
            memberIds.put(m.get("displayName").asText(), m.get("memberId").asText());
        }
    }

    /** The demo's decided secret vote. */
    private String closedSecretVote() {
        for (JsonNode p : api("ada").get().uri("/api/v1/cooperatives/{c}/proposals", coop).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody()) {
            if ("SECRET".equals(p.path("secrecy").asText()) && "CLOSED".equals(p.path("state").asText())) {
                return p.get("proposalId").asText();
            }
        }
        throw new AssertionError("the demo holds a decided secret vote");
    }

    /** The step of a secret vote's revealed ballots, as the auditor's workspace numbers it. */
    private int revealedStep(String path) {
        String html = PageSession.signIn(http, DemoCooperative.AUDITOR, PASSWORD).get(path).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-step=\"(\\d+)\" data-kind=\"SecretBallotsRevealed\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("a revealed step on " + path);
        }
        return Integer.parseInt(m.group(1));
    }

    private WebTestClient api(String username) {
        return http.mutate().defaultHeaders(h -> h.setBasicAuth(username, PASSWORD)).build();
    }

    /**
     * The demo's votes (YES_NO open and closed, CONSENT closed, RANKED open, one in deliberation) plus what it lacks:
     * APPROVAL and SCORE open and closed, CONSENT open, RANKED closed, each with a few ballots.
     */
    private Map<String, String> proposalOfEveryMethodOpenAndClosed() {
        Map<String, String> proposals = new LinkedHashMap<>();
        for (JsonNode p : api("ada").get().uri("/api/v1/cooperatives/{c}/proposals", coop).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody()) {
            String state = switch (p.get("state").asText()) {
                case "VOTING" -> "open";
                case "DELIBERATION" -> "in deliberation";
                default -> "closed";
            };
            proposals.putIfAbsent(p.get("method").asText() + " " + state, p.get("proposalId").asText());
        }
        String options = "[{\"id\":\"solar\",\"label\":\"Solar panels\"},{\"id\":\"wind\",\"label\":\"A small turbine\"},"
                + "{\"id\":\"hydro\",\"label\":\"A micro hydro plant\"}]";
        Map<String, String> ballots = Map.of(
                "APPROVAL", "{\"approve\":[\"solar\",\"wind\"]}",
                "SCORE", "{\"scores\":{\"solar\":5,\"wind\":2,\"hydro\":1}}",
                "CONSENT", "{\"consent\":\"CONSENT\"}",
                "RANKED", "{\"ranking\":[[\"wind\"],[\"solar\",\"hydro\"]]}");
        for (String method : List.of("APPROVAL", "SCORE", "CONSENT", "RANKED")) {
            for (String state : List.of("open", "closed")) {
                if (proposals.containsKey(method + " " + state)) {
                    continue;
                }
                String id = api("ada").post().uri("/api/v1/cooperatives/{c}/proposals", coop).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"title\":\"Which energy next (" + method.toLowerCase() + ", " + state + ")?\",\"body\":\"\","
                                + "\"topic\":\"energy\",\"kind\":\"GENERAL\",\"method\":\"" + method + "\""
                                + (method.equals("CONSENT") ? "" : ",\"options\":" + options) + "}")
                        .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                        .getResponseBody().get("proposalId").asText();
                api("ada").post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, id).exchange().expectStatus().isNoContent();
                for (String[] voter : List.of(new String[]{"ada", "Ada Okonkwo"}, new String[]{"chloe", "Chloe Martin"})) {
                    api(voter[0]).put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, id, memberIds.get(voter[1]))
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(ballots.get(method))
                            .exchange().expectStatus().isOk();
                }
                if (state.equals("closed")) {
                    api("ada").post().uri("/api/v1/cooperatives/{c}/proposals/{p}/closing", coop, id).exchange().expectStatus().isNoContent();
                }
                proposals.put(method + " " + state, id);
            }
        }
        // board elections (the demo's is closed): one in deliberation with a candidacy, one open with a ballot
        for (String state : List.of("in deliberation", "open")) {
            String id = api("ada").post().uri("/api/v1/cooperatives/{c}/proposals", coop).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"title\":\"Board (" + state + ")\",\"body\":\"\",\"topic\":\"community\",\"kind\":\"GENERAL\","
                            + "\"method\":\"ELECTION\",\"seats\":{\"workers\":1,\"users\":1}}")
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                    .getResponseBody().get("proposalId").asText();
            api("ada").post().uri("/api/v1/cooperatives/{c}/proposals/{p}/candidates", coop, id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"memberId\":\"" + memberIds.get("Ada Okonkwo") + "\"}").exchange().expectStatus().isNoContent();
            if (state.equals("open")) {
                api("ada").post().uri("/api/v1/cooperatives/{c}/proposals/{p}/opening", coop, id).exchange().expectStatus().isNoContent();
                api("ada").put().uri("/api/v1/cooperatives/{c}/proposals/{p}/ballots/{m}", coop, id, memberIds.get("Ada Okonkwo"))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"ranking\":[[\"" + memberIds.get("Ada Okonkwo") + "\"]]}")
                        .exchange().expectStatus().isOk();
            }
            proposals.put("ELECTION " + state, id);
        }
        return proposals;
    }
}
