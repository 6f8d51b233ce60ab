package coop.plenum.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * axe-core (the npm package pinned in web/src/test/axe/package-lock.json, installed there by the web module's build)
 * run inside the page the browser shows. A missing axe-core fails the test that asks for it, never skips it: an
 * accessibility check that silently did not run would read as a pass.
 */
public final class Axe {

    /** Where the web module's build installs it (the tests run with the module as working directory). */
    static final Path AXE = Path.of("src", "test", "axe", "node_modules", "axe-core", "axe.min.js");

    /** The impacts that fail the check; axe also reports "moderate" and "minor", which are printed but allowed. */
    private static final Set<String> FAILING = Set.of("serious", "critical");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    public static Axe load() throws IOException {
        if (!Files.isReadable(AXE)) {
            throw new IllegalStateException("axe-core is not installed at " + AXE.toAbsolutePath()
                    + ": the web module's build installs it with npm ci when it is missing (npm must be on the PATH), "
                    + "or run: npm ci --prefix web/src/test/axe");
        }
        return new Axe(Files.readString(AXE));
    }

    /** One rule broken on one page, with the elements that break it. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<String> nodes) {

        public boolean fails() {
            return FAILING.contains(impact);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(rule + " [" + impact + "] " + help + " (" + helpUrl + ")");
            for (String node : nodes) {
                text.append("\n      ").append(node);
            }
            return text.toString();
        }
    }

    /** Runs every WCAG 2.x A/AA rule and best practice axe has on the page now shown. */
    public List<Violation> check(WebDriver browser) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(source);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object raw = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify({error: String(e)})));""");
        JsonNode found = JSON.readTree(String.valueOf(raw));
        if (found.has("error")) {
            throw new IllegalStateException("axe-core failed on " + browser.getCurrentUrl() + ": " + found.get("error").asText());
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : found) {
            List<String> nodes = new ArrayList<>();
            for (JsonNode n : v.get("nodes")) {
                String html = n.get("html").asText();
                nodes.add(n.get("target").toString() + "  " + (html.length() > 160 ? html.substring(0, 160) + "…" : html)
                        + (n.hasNonNull("failureSummary") ? "\n        " + n.get("failureSummary").asText().replace("\n", "\n        ") : ""));
            }
            violations.add(new Violation(v.get("id").asText(), v.path("impact").asText("unknown"), v.get("help").asText(),
                    v.get("helpUrl").asText(), nodes));
        }
        return violations;
    }
}
