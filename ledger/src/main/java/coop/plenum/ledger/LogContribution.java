package coop.plenum.ledger;

import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An ACTIVE member logs work, money or resources they contributed, for their peers to evaluate. */
public record LogContribution(@TargetAggregateIdentifier LedgerId ledgerId, ContributionId contributionId, String project,
                              String type, BigDecimal quantity, String description, LocalDate occurredOn) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return LedgerInputRules.contribution(this);
    }
}
