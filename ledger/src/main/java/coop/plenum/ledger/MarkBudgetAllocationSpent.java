package coop.plenum.ledger;

import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;

/**
 * A secretary records what was spent on one line of a decided budget: the line is named by the deciding proposal's
 * id ({@code decidedBy}) and the funded project's id in it ({@code project}). {@code amount} is in the budget's
 * currency, from 0 (the project was dropped, nothing spent) up to what the line allocates; {@code note} may say
 * what it was paid by (an invoice, a receipt). A line is marked spent once: the mark closes it.
 */
public record MarkBudgetAllocationSpent(@TargetAggregateIdentifier LedgerId ledgerId, String decidedBy, String project,
                                        BigDecimal amount, String note) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return LedgerInputRules.spending(this);
    }
}
