package coop.plenum.ledger;

import java.time.Instant;

/** A fact: enough peers rejected a contribution; it earns no points. */
public record ContributionRejected(LedgerId ledgerId, ContributionId contributionId, ContributorId contributorId,
                                   Instant rejectedAt) {
}
