package coop.plenum.web;

import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.RuleViolation;
import coop.plenum.kernel.Violation;

import java.util.List;

/**
 * A refusal of the core, said to a person in their language (issue 14). The core's refusals carry a stable code
 * and an English sentence; a page shows the bundles' {@code refusal.<code>} for that code. An English reader keeps
 * the core's sentence, which names the ids and states involved; a code the bundles do not know (a new one, or an
 * input rule the pages' forms rarely reach) falls back to that English sentence rather than to nothing.
 */
final class RefusalWords {

    static final String PREFIX = "refusal.";

    private RefusalWords() {
    }

    /** The refusal in one sentence (an invalid input: its first broken rule). */
    static String say(RuleViolation refused, Words words) {
        return say(refused.code(), refused.getMessage(), words);
    }

    /** A failure a page shows as a refusal ({@link Refusal#shownOnThePage}); anything else by its own message. */
    static String say(Throwable refused, Words words) {
        return refused instanceof RuleViolation violation ? say(violation, words) : refused.getMessage();
    }

    /** Every broken rule of an invalid input, each once; any other refusal as its one sentence. */
    static List<String> sayAll(RuleViolation refused, Words words) {
        if (refused instanceof InvalidInput invalid) {
            return invalid.violations().stream().map(v -> say(v, words)).distinct().toList();
        }
        return List.of(say(refused, words));
    }

    static String say(Violation violation, Words words) {
        return say(violation.code(), violation.message(), words);
    }

    private static String say(String code, String english, Words words) {
        if (code == null || "en".equals(words.locale().getLanguage())) {
            return english;
        }
        return words.sayOr(english, PREFIX + code, RefusalArguments.of(code));
    }
}
