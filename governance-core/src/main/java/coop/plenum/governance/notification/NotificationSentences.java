package coop.plenum.governance.notification;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A port (issue 14): notifications and the fixed phrases of their email in a member's language. The core stores each
 * notification in English with a code and parameters; the module that owns the translated texts (web, with its
 * bundles) implements this, so a mail says the same sentence as the inbox page without the core depending on it.
 * Without an implementation ({@link #STORED}) every mail stays in the English the core composed.
 */
public interface NotificationSentences {

    /** What a notification says: its title and text. */
    record Sentence(String title, String text) {
    }

    /**
     * The sentence of {@code code} with {@code params} in {@code language} (en, es, de), dates in {@code zone}; empty
     * when the code or its parameters are unknown, so the stored English is kept.
     */
    Optional<Sentence> sentence(String code, List<String> params, String language, ZoneId zone);

    /** The message {@code key} in {@code language} with its {@code {n}} parameters; empty when no bundle has it. */
    Optional<String> phrase(String key, String language, Object... args);

    /** No translation: the stored English and the core's English phrases. */
    NotificationSentences STORED = new NotificationSentences() {
        @Override
        public Optional<Sentence> sentence(String code, List<String> params, String language, ZoneId zone) {
            return Optional.empty();
        }

        @Override
        public Optional<String> phrase(String key, String language, Object... args) {
            return Optional.empty();
        }
    };
}
