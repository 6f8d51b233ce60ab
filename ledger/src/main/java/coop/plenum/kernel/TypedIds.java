package coop.plenum.kernel;

/**
 * The one rule every typed id ({@code MemberId}, {@code ProposalId} …) checks when it is made: 1 to
 * {@value #MAX_LENGTH} characters, not blank, no control characters. Ids arrive in URL paths as well as from the
 * id generator; an id that could never exist is a bad request naming its field, never a database error.
 */
public final class TypedIds {

    public static final int MAX_LENGTH = 160;

    private TypedIds() {
    }

    /** Returns the value, or throws {@link InvalidInput} naming {@code field}. */
    public static String check(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "id.blank", what + " is never blank");
        }
        if (value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput(field, "id.invalid", what + " has at most " + MAX_LENGTH + " characters and no control characters");
        }
        return value;
    }
}
