package coop.plenum.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member became ACTIVE through admission: they may log and evaluate from now on. Registering again records nothing. */
public record RegisterContributor(@TargetAggregateIdentifier LedgerId ledgerId, ContributorId contributorId, String accountId) {
}
