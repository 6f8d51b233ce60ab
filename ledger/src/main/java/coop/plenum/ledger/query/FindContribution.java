package coop.plenum.ledger.query;

import coop.plenum.ledger.ContributionId;
import coop.plenum.ledger.LedgerId;

/** One contribution of this ledger, with its evaluations. */
public record FindContribution(LedgerId ledgerId, ContributionId contributionId) {
}
