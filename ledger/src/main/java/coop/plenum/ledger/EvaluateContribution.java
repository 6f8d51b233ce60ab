package coop.plenum.ledger;

import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Another ACTIVE member gives their verdict on a pending contribution, once. */
public record EvaluateContribution(@TargetAggregateIdentifier LedgerId ledgerId, ContributionId contributionId,
                                   Verdict verdict, String note) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return LedgerInputRules.evaluation(this);
    }
}
