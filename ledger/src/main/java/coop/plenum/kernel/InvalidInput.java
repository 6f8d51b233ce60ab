package coop.plenum.kernel;

import java.util.List;

/** The command itself is malformed or breaks a validation rule; nothing was stored. Maps to HTTP 400. */
public final class InvalidInput extends RuleViolation {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.get(0).code(), violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(String field, String code, String message) {
        this(List.of(new Violation(field, code, message)));
    }

    /** The first offending field; the API names it in problem+json. */
    public String field() {
        return violations.get(0).field();
    }

    public List<Violation> violations() {
        return violations;
    }
}
