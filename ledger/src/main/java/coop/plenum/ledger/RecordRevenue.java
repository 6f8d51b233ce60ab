package coop.plenum.ledger;

import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;

/** A bookkeeper (secretary) records revenue a project earned; it is distributed to the project's contributors at once. */
public record RecordRevenue(@TargetAggregateIdentifier LedgerId ledgerId, RevenueId revenueId, String project,
                            BigDecimal amount, String currency) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return LedgerInputRules.revenue(this);
    }
}
