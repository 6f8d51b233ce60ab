package coop.plenum.kernel;

/** The command names a resource that does not exist. Maps to HTTP 404. */
public final class NotFound extends RuleViolation {
    public NotFound(String code, String message) {
        super(code, message);
    }
}
