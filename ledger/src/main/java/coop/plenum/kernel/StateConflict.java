package coop.plenum.kernel;

/** The command is well-formed but conflicts with the current state (e.g. a taken username). Maps to HTTP 409. */
public final class StateConflict extends RuleViolation {
    public StateConflict(String code, String message) {
        super(code, message);
    }
}
