package coop.plenum.governance.options;

import java.math.BigDecimal;

/**
 * One option of an option vote: a short stable {@code id} ballots name, and the {@code label} people read. A BUDGET
 * vote's options are projects and carry their {@code cost} in the proposal's currency; every other method's options
 * have none (nor do options stored before BUDGET existed).
 */
public record ProposalOption(String id, String label, BigDecimal cost) {

    /** An option without a cost (any method but BUDGET). */
    public ProposalOption(String id, String label) {
        this(id, label, null);
    }
}
