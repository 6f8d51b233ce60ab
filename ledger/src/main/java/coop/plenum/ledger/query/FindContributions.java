package coop.plenum.ledger.query;

import coop.plenum.ledger.ContributionStatus;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.LedgerId;

/** A ledger's contributions, newest first; each filter is optional (null: any). */
public record FindContributions(LedgerId ledgerId, ContributorId contributorId, String project, ContributionStatus status) {
}
