package coop.plenum.kernel;

/** The acting account may not issue this command. Maps to HTTP 403. */
public final class NotAllowed extends RuleViolation {
    public NotAllowed(String code, String message) {
        super(code, message);
    }
}
