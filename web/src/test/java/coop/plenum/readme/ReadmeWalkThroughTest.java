package coop.plenum.readme;

import coop.plenum.support.PlenumContexts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-through with curl, run as a new user would run it: its shell blocks, as written, with bash and
 * curl against Plenum started with the operator password it says, on a fresh data directory. Every status code the
 * README promises in a comment ({@code # → 204}) is the one the server answers, and the offline audit commands it
 * shows exit 0. A README that drifts from the product fails here.
 */
class ReadmeWalkThroughTest {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PROMISED_CODE = Pattern.compile("# → (\\d{3})");
    private static final Pattern ANSWERED_CODE = Pattern.compile("HTTP-CODE (\\d{3})");

    @TempDir
    Path dir;

    @Test
    void theWalkThroughRunsAsWrittenAndEveryPromisedStatusCodeIsAnswered() throws Exception {
        boolean curl = Files.isExecutable(Path.of("/usr/bin/curl"));
        if (!curl && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs curl for the README walk-through: apt-get install -y curl");
        }
        Assumptions.assumeTrue(curl, "curl is not installed");
        String readme = Files.readString(readmePath(), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Walk-through with curl"), readme.indexOf("## HTTP API"));
        List<String> blocks = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks.get(0)).as("the first block starts Plenum").contains("PLENUM_ADMIN_PASSWORD=change-me-now java -jar web/target/plenum.jar");
        String script = String.join("\n", blocks.subList(1, blocks.size()));

        List<String> promised = new ArrayList<>();
        for (String line : script.replace("\\\n", " ").split("\n")) {
            if (line.contains("%{http_code}")) {
                Matcher code = PROMISED_CODE.matcher(line);
                assertThat(code.find()).as("the README says which code this request answers: %s", line).isTrue();
                promised.add(code.group(1));
            }
        }
        assertThat(promised).as("status codes the README promises").hasSizeGreaterThan(8);

        try (ConfigurableApplicationContext plenum = PlenumContexts.start(dir.resolve("data"), "change-me-now",
                "--plenum.security.bcrypt-strength=4")) {
            int port = ((WebServerApplicationContext) plenum).getWebServer().getPort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -cp '" + System.getProperty("java.class.path")
                    + "' coop.plenum.PlenumApplication";
            String runnable = script
                    .replace("http://localhost:8080", "http://127.0.0.1:" + port)
                    .replace("java -jar web/target/plenum.jar", java)
                    .replace("-w '%{http_code}\\n'", "-w 'HTTP-CODE %{http_code}\\n'");
            Path file = dir.resolve("walk-through.sh");
            Files.writeString(file, "set -u\nfail() { echo \"COMMAND-FAILED $1\"; }\n"
                    + runnable.replaceAll("(?m)^(" + Pattern.quote(java) + " audit [^\n#]*?)(\\s*)$", "$1 || fail audit$2"), StandardCharsets.UTF_8);
            Process bash = new ProcessBuilder("bash", file.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(5, TimeUnit.MINUTES)).isTrue();

            List<String> answered = new ArrayList<>();
            Matcher code = ANSWERED_CODE.matcher(output);
            while (code.find()) {
                answered.add(code.group(1));
            }
            assertThat(answered).as("codes answered, in the README's order; output:%n%s", output).isEqualTo(promised);
            assertThat(output).as("every audit command exits 0").doesNotContain("COMMAND-FAILED")
                    .contains("OK: the history holds").contains("OK: the event is in the signed history")
                    .contains("\"code\":\"charter.weights-not-100\"");
            assertThat(Files.readString(dir.resolve("bob-ballot.json"))).contains("\"eventType\":\"coop.plenum.governance.proposal.BallotCast\"");
        }
    }

    private static Path readmePath() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) && Files.exists(here.resolve("web")) ? here.resolve("README.md")
                : here.getParent().resolve("README.md");
    }
}
