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

    /**
     * What every typed id ({@code MemberId}, {@code ProposalId} …) checks when it is made: an id that could never exist
     * is a bad request naming its field, never a database error. Returns the id.
     */
    public static String require(String id, String field, String what) {
        if (id == null || id.isBlank()) {
            throw new InvalidInput(field, "id.blank", what + " is never blank");
        }
        if (!isWellFormed(id)) {
            throw new InvalidInput(field, "id.invalid", what + " has 1 to " + MAX_LENGTH + " characters and no control characters");
        }
        return id;
    }

    /** Adds a violation for a given (non-null) identifier that is not well formed. */
    public static void wellFormed(String field, String id, List<Violation> violations) {
        if (id != null && !isWellFormed(id)) {
            violations.add(new Violation(field, "id.invalid", field + " is an identifier of 1 to " + MAX_LENGTH
                    + " characters without control characters"));
        }
    }
}
