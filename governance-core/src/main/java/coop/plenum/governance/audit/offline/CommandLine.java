package coop.plenum.governance.audit.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words after {@code audit <command>}: positional arguments and {@code --name value} options, some of which may
 * repeat. Anything it does not know is a usage error, so a mistyped option never silently changes a result.
 */
record CommandLine(List<String> positional, Map<String, List<String>> options) {

    static CommandLine parse(List<String> words, Set<String> known, Set<String> repeatable) {
        List<String> positional = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                positional.add(word);
                continue;
            }
            String name = word.substring(2);
            if (!known.contains(name)) {
                throw new UsageError("unknown option " + word);
            }
            if (i + 1 >= words.size()) {
                throw new UsageError(word + " needs a value");
            }
            List<String> values = options.computeIfAbsent(name, n -> new ArrayList<>());
            if (!values.isEmpty() && !repeatable.contains(name)) {
                throw new UsageError(word + " is given twice");
            }
            values.add(words.get(++i));
        }
        return new CommandLine(List.copyOf(positional), options);
    }

    String option(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(0);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** A command line that cannot be run as written: exit code 2 with the usage. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
