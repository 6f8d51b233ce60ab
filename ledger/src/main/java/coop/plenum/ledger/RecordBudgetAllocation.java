package coop.plenum.ledger;

import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Governance tells the ledger that a decision allocated a budget: {@code decidedBy} is the deciding proposal's id, a
 * plain string because the ledger knows nothing of proposals. The same decision recorded again changes nothing, so a
 * policy may send it as often as its event is redelivered.
 */
public record RecordBudgetAllocation(@TargetAggregateIdentifier LedgerId ledgerId, String decidedBy, String currency,
                                     BigDecimal budget, List<BudgetAllocationLine> lines, BigDecimal leftover,
                                     Instant decidedAt) implements CheckedCommand {

    public RecordBudgetAllocation {
        lines = lines == null ? null : List.copyOf(lines);
    }

    @Override
    public List<Violation> inputViolations() {
        return LedgerInputRules.budgetAllocation(this);
    }
}
