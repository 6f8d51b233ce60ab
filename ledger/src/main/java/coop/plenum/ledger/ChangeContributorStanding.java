package coop.plenum.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Follow the member's status: suspended, withdrawn or expelled ⇒ INACTIVE; reinstated ⇒ ACTIVE. No change records nothing. */
public record ChangeContributorStanding(@TargetAggregateIdentifier LedgerId ledgerId, ContributorId contributorId,
                                        ContributorStanding standing) {
}
