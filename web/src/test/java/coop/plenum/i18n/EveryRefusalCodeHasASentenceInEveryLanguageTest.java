package coop.plenum.i18n;

import coop.plenum.web.RefusalArguments;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a refusal a page shows (the problem page of a 403, 404 or 409, a refusal banner, a form field's error, a
 * notice after an action) is said in the reader's language. Every code the modules raise with a literal, a named
 * constant or a known run-time pattern has its sentence {@code refusal.<code>} in the bundles (which
 * MessageBundlesAreCompleteTest then holds to every language): state, permission and not-found refusals, and every
 * invalid-input rule, so a form never falls back to the core's English sentence for a reader of another language.
 */
class EveryRefusalCodeHasASentenceInEveryLanguageTest {

    private static final String CODE = "([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)";
    private static final Pattern REFUSED = Pattern.compile("new (?:StateConflict|NotAllowed|NotFound)\\(\\s*\"" + CODE + "\"");
    /** The code is an invalid input's or a violation's second argument; the first (the field) may hold strings and calls. */
    private static final String INPUT_START = "new (?:InvalidInput|Violation)\\(\\s*(?:[^;\"()]|\"[^\"]*\"|\\([^()]*\\))*?,\\s*";
    private static final Pattern INPUT = Pattern.compile(INPUT_START + "\"" + CODE + "\"\\s*,");
    private static final Pattern INPUT_BY_CONSTANT = Pattern.compile(INPUT_START + "(?:[A-Z]\\w*\\.)?([A-Z][A-Z0-9_]+)\\s*,");
    private static final Pattern INPUT_BUILT = Pattern.compile(INPUT_START + "(\"[a-z][a-z0-9.-]*\"\\s*\\+[^,]*),");
    /** A code handed to a rule helper that raises it: Texts.required and .optional, or one ending in the violations. */
    private static final Pattern HANDED_ON = Pattern.compile("\"" + CODE + "\"\\s*,\\s*(?:v|violations)\\s*\\)");
    private static final Pattern TEXT_RULE = Pattern.compile("Lines\\.(?:ONE|MANY),\\s*\"" + CODE + "\"");
    private static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z][A-Z0-9_]+) = \"" + CODE + "\";");
    /** Codes built at run time from the field they name, each with every field it is built for. */
    private static final Map<String, List<String>> BUILT = Map.of(
            "\"receipts.\" + field + \"-invalid\"", List.of("receipts.offset-invalid", "receipts.limit-invalid"),
            "\"what-if.\" + field + \"-invalid\"", List.of("what-if.threshold-invalid", "what-if.classRule-invalid"));
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\d+)");
    private static final List<String> MODULES = List.of("ledger", "governance-core", "api", "web");

    @Test
    void everyLiteralRefusalCodeHasASentence() throws IOException {
        Set<String> codes = scan().refusals;
        assertThat(codes).as("the scan finds the modules' refusals").hasSizeGreaterThan(50)
                .contains("ballot.voting-not-open", "cooperative.forbidden", "proposal.wrong-state");
        assertThat(withoutSentence(codes)).as("refusal codes without a refusal.<code> sentence in messages.properties").isEmpty();
    }

    @Test
    void everyInvalidInputCodeHasASentence() throws IOException {
        Scan scan = scan();
        assertThat(scan.unknownBuilt).as("codes built at run time that BUILT does not list with their fields").isEmpty();
        assertThat(scan.inputs).as("the scan finds literal, constant, handed-on and built input codes").hasSizeGreaterThan(150)
                .contains("proposal.title-invalid", "charter.weights-not-100", "text.control-character",
                        "time.out-of-range", "proposal.cost-invalid", "receipts.limit-invalid", "page.invalid");
        assertThat(withoutSentence(scan.inputs)).as("invalid-input codes without a refusal.<code> sentence in messages.properties")
                .isEmpty();
    }

    /**
     * A sentence naming a bound takes it from RefusalArguments; a code given arguments goes through the message
     * format in every language, so each of its sentences has as many parameters as arguments (and no lone quote,
     * which MessageBundlesAreCompleteTest checks for every sentence with parameters).
     */
    @Test
    void everyBoundARefusalNamesIsSuppliedFromTheRule() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String suffix : List.of("", "_es", "_de")) {
            Properties bundle = MessageBundlesAreCompleteTest.bundle(suffix);
            for (String key : bundle.stringPropertyNames()) {
                if (!key.startsWith("refusal.")) {
                    continue;
                }
                int supplied = RefusalArguments.of(key.substring("refusal.".length())).length;
                int named = parameterCount(bundle.getProperty(key));
                if (named != supplied) {
                    wrong.add("messages" + suffix + " " + key + ": " + named + " parameters, " + supplied + " arguments");
                }
            }
        }
        assertThat(wrong).as("refusal sentences whose {n} do not match RefusalArguments").isEmpty();
    }

    private static List<String> withoutSentence(Set<String> codes) throws IOException {
        Properties english = MessageBundlesAreCompleteTest.bundle("");
        return codes.stream().filter(code -> !english.containsKey("refusal." + code)).toList();
    }

    private static int parameterCount(String sentence) {
        int highest = -1;
        Matcher m = PARAMETER.matcher(sentence);
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        return highest + 1;
    }

    private record Scan(Set<String> refusals, Set<String> inputs, Set<String> unknownBuilt) {
    }

    private static Scan scan() throws IOException {
        Set<String> refusals = new TreeSet<>();
        Set<String> inputs = new TreeSet<>();
        Set<String> constantsUsed = new TreeSet<>();
        Set<String> unknownBuilt = new TreeSet<>();
        Map<String, String> constants = new HashMap<>();
        for (Path file : sources()) {
            String source = Files.readString(file);
            collect(REFUSED, source, refusals);
            collect(INPUT, source, inputs);
            collect(HANDED_ON, source, inputs);
            collect(TEXT_RULE, source, inputs);
            collect(INPUT_BY_CONSTANT, source, constantsUsed);
            Matcher constant = CONSTANT.matcher(source);
            while (constant.find()) {
                constants.put(constant.group(1), constant.group(2));
            }
            Matcher built = INPUT_BUILT.matcher(source);
            while (built.find()) {
                String expression = built.group(1).strip();
                List<String> expanded = BUILT.get(expression);
                if (expanded == null) {
                    unknownBuilt.add(file.getFileName() + ": " + expression);
                } else {
                    inputs.addAll(expanded);
                }
            }
        }
        for (String name : constantsUsed) {
            String code = constants.get(name);
            if (code == null) {
                unknownBuilt.add("the constant " + name + " (no static final String of that name holds a code)");
            } else {
                inputs.add(code);
            }
        }
        return new Scan(refusals, inputs, unknownBuilt);
    }

    private static void collect(Pattern pattern, String source, Set<String> into) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String module : MODULES) {
            Path sources = Path.of("..", module, "src", "main", "java");
            if (!Files.isDirectory(sources)) {
                sources = Path.of(module, "src", "main", "java"); // run from the repository's root
            }
            assertThat(sources).as("sources of %s", module).isDirectory();
            try (Stream<Path> walk = Files.walk(sources)) {
                files.addAll(walk.filter(p -> p.toString().endsWith(".java")).toList());
            }
        }
        return files;
    }
}
