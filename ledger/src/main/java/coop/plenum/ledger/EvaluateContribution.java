package coop.plenum.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Another ACTIVE member gives their verdict on a pending contribution, once. */
public record EvaluateContribution(@TargetAggregateIdentifier LedgerId ledgerId, ContributionId contributionId,
                                   Verdict verdict, String note) {
}
