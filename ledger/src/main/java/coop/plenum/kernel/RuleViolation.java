package coop.plenum.kernel;

/**
 * A command was refused by a business or input rule. Carries a stable machine-readable {@code code}
 * so clients and the API can react without parsing prose; the API maps each subtype to one HTTP status.
 */
public abstract sealed class RuleViolation extends RuntimeException
        permits InvalidInput, StateConflict, NotFound, NotAllowed {

    private final String code;

    protected RuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
