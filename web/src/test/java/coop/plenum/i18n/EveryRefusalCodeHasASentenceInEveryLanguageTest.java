package coop.plenum.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a refusal a page shows (the problem page of a 403, 404 or 409, a refusal banner, a notice after an
 * action) is said in the reader's language. Every state, permission and not-found refusal the modules can raise
 * with a literal code has its sentence {@code refusal.<code>} in the bundles (which MessageBundlesAreCompleteTest
 * then holds to every language). Invalid-input codes are not enumerated here: a form field's rule the bundles do not
 * know falls back to the core's English sentence.
 */
class EveryRefusalCodeHasASentenceInEveryLanguageTest {

    private static final Pattern RAISED = Pattern.compile("new (?:StateConflict|NotAllowed|NotFound)\\(\\s*\"([a-z][a-z0-9.-]*[a-z0-9])\"");
    private static final List<String> MODULES = List.of("ledger", "governance-core", "api", "web");

    @Test
    void everyLiteralRefusalCodeHasASentence() throws IOException {
        Set<String> codes = codes();
        assertThat(codes).as("the scan finds the modules' refusals").hasSizeGreaterThan(50)
                .contains("ballot.voting-not-open", "cooperative.forbidden", "proposal.wrong-state");
        Properties english = MessageBundlesAreCompleteTest.bundle("");
        List<String> missing = codes.stream().filter(code -> !english.containsKey("refusal." + code)).toList();
        assertThat(missing).as("refusal codes without a refusal.<code> sentence in messages.properties").isEmpty();
    }

    private static Set<String> codes() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (String module : MODULES) {
            Path sources = Path.of("..", module, "src", "main", "java");
            if (!Files.isDirectory(sources)) {
                sources = Path.of(module, "src", "main", "java"); // run from the repository's root
            }
            assertThat(sources).as("sources of %s", module).isDirectory();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path file : files) {
                Matcher m = RAISED.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }
}
