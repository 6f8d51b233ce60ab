package coop.plenum.governance.budget;

import coop.plenum.governance.options.OptionClassTally;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of a BUDGET vote (docs/tally.md "BUDGET"): per class the participation and the power approving each
 * project ({@code classes}, as an APPROVAL tally has them: the quorum is met or not there), per project its cost,
 * approval score and what the Method of Equal Shares and the greedy rule made of it; the projects funded in the order
 * they were bought, what they cost together ({@code spent}) and what is left of the budget; the greedy comparison
 * side by side. {@code completionSteps} add-one raises brought each share to its part of {@code virtualBudget}.
 * Outcome: NO_QUORUM by the quorum rule, else ACCEPTED when at least one project is funded, else REJECTED.
 */
public record BudgetTally(BigDecimal budget, String currency, List<OptionClassTally> classes, List<Project> projects,
                          List<String> funded, Ratio spent, Ratio leftover, List<String> greedy, Ratio greedySpent,
                          Ratio virtualBudget, int completionSteps, Outcome outcome) {

    public BudgetTally {
        classes = List.copyOf(classes);
        projects = List.copyOf(projects);
        funded = List.copyOf(funded);
        greedy = List.copyOf(greedy);
    }

    /**
     * One project. {@code supporters}: how many members' power (own ballot or delegated) approves it; {@code approval}
     * its score S. When funded: {@code payers} paid it, each {@code min(perSupporter, what they had left)}, together
     * {@code paid} (= its cost); otherwise those are null. {@code greedyFunded}: the greedy rule would have funded it.
     */
    public record Project(String id, String label, BigDecimal cost, long supporters, Ratio approval, boolean funded,
                          Ratio perSupporter, Long payers, Ratio paid, boolean greedyFunded) {
    }

    /** The projects the vote decided to fund: the funded ones once ACCEPTED, none otherwise (like an option vote's winners). */
    public List<String> winners() {
        return outcome == Outcome.ACCEPTED ? funded : List.of();
    }

    public boolean quorumMet() {
        return classes.stream().allMatch(OptionClassTally::quorumMet);
    }
}
