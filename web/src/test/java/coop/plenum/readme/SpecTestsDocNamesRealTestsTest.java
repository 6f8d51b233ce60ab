package coop.plenum.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/spec-tests.md maps every rule of SPEC's secret ballots, ELECTION and BUDGET (and issue 15) to the tests that
 * protect it. A name there that is not a test (renamed, deleted, misspelt) would claim a protection that does not
 * exist: every {@code Class#method} it names must be a method of that test class, in some module's test sources,
 * carrying a JUnit or jqwik test annotation; and every rule row names at least one, unless it says it is a document.
 */
class SpecTestsDocNamesRealTestsTest {

    private static final List<String> MODULES = List.of("ledger", "governance-core", "api", "web");
    private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9_]*)`");
    private static final Pattern ROW = Pattern.compile("^\\| ([SEB]\\d+) \\|.*$", Pattern.MULTILINE);
    private static final Pattern TEST_ANNOTATION =
            Pattern.compile("@(?:Test|Property|Example|ParameterizedTest|RepeatedTest|TestFactory)\\b");

    @Test
    void everyClassAndMethodTheSpecTestsPageNamesIsATestInTheSourceTree() throws IOException {
        String doc = Files.readString(fromRoot("docs", "spec-tests.md"));
        Map<String, Path> testClasses = testClasses();

        Set<String> named = new LinkedHashSet<>();
        Matcher m = NAMED.matcher(doc);
        while (m.find()) {
            named.add(m.group(1) + "#" + m.group(2));
        }
        assertThat(named).as("the page names tests").hasSizeGreaterThan(40);

        List<String> missing = new ArrayList<>();
        for (String name : named) {
            String[] parts = name.split("#");
            Path file = testClasses.get(parts[0]);
            if (file == null) {
                missing.add(name + " (no test class " + parts[0] + ")");
            } else if (!isTestMethod(Files.readString(file), parts[1])) {
                missing.add(name + " (no test method " + parts[1] + " in " + file + ")");
            }
        }
        assertThat(missing).as("names on docs/spec-tests.md that are not tests").isEmpty();

        Matcher row = ROW.matcher(doc);
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1));
            if (!row.group().contains("a document")) {
                assertThat(NAMED.matcher(row.group()).find()).as("rule %s names a test", row.group(1)).isTrue();
            }
        }
        assertThat(rows).as("rule rows").doesNotHaveDuplicates().contains("S1", "E1", "B1");
    }

    /** {@code void method(} declared with a test annotation among the modifiers before it. */
    static boolean isTestMethod(String source, String method) {
        Matcher declared = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(").matcher(source);
        while (declared.find()) {
            // the declaration's own line up to the name, and the lines above it back to the end of the previous
            // member (a line ending in ';', '}' or '{'): its annotations, which may span lines and hold braces
            int lineStart = source.lastIndexOf('\n', declared.start()) + 1;
            StringBuilder head = new StringBuilder(source.substring(lineStart, declared.start()));
            String[] above = source.substring(0, lineStart).split("\n");
            for (int i = above.length - 1; i >= 0; i--) {
                String line = above[i].strip();
                if (line.endsWith(";") || line.endsWith("}") || line.endsWith("{")) {
                    break;
                }
                head.append('\n').append(line);
            }
            if (TEST_ANNOTATION.matcher(head).find()) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Path> testClasses() throws IOException {
        Map<String, Path> classes = new HashMap<>();
        for (String module : MODULES) {
            Path tests = fromRoot(module, "src", "test", "java");
            assertThat(tests).as("test sources of %s", module).isDirectory();
            try (Stream<Path> walk = Files.walk(tests)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(p ->
                        classes.put(p.getFileName().toString().replace(".java", ""), p));
            }
        }
        return classes;
    }

    /** A path from the repository's root, whether the test runs in the module (Maven) or at the root (an IDE). */
    private static Path fromRoot(String first, String... more) {
        Path fromModule = Path.of("..", first).resolve(Path.of("", more));
        return Files.exists(fromModule) ? fromModule : Path.of(first, more);
    }
}
