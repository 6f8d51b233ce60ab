package coop.plenum.governance.options;

import java.util.Objects;

/**
 * A CONSENT ballot: the choice and, for an objection (where it is required), the reason; the objections are listed
 * with their reasons in the tally.
 */
public record ConsentBallot(ConsentChoice choice, String reason) {

    public ConsentBallot {
        Objects.requireNonNull(choice, "choice");
    }

    /** For people: the choice alone (a reason is shown with the objections, not in a delegator's "counted …" line). */
    @Override
    public String toString() {
        return choice.name();
    }
}
