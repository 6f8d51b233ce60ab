package coop.plenum.ledger;

import java.time.Instant;

/** A fact: from {@code changedAt} this contributor is ACTIVE or INACTIVE. */
public record ContributorStandingChanged(LedgerId ledgerId, ContributorId contributorId, ContributorStanding standing,
                                         Instant changedAt) {
}
