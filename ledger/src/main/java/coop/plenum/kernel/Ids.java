package coop.plenum.kernel;

import java.util.List;

/**
 * Identifiers that arrive from outside (in a path or a body) are looked up in PostgreSQL and MongoDB before any
 * aggregate sees them, so they are bounded and clean: 1 to 100 characters, none of them a control character.
 */
public final class Ids {

    public static final int MAX_LENGTH = 100;

    private Ids() {
    }

    public static boolean isWellFormed(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_LENGTH && Texts.isStorable(id, Texts.Lines.ONE);
    }

    /** Adds a violation for a given (non-null) identifier that is not well formed. */
    public static void wellFormed(String field, String id, List<Violation> violations) {
        if (id != null && !isWellFormed(id)) {
            violations.add(new Violation(field, "id.invalid", field + " is an identifier of 1 to " + MAX_LENGTH
                    + " characters without control characters"));
        }
    }
}
