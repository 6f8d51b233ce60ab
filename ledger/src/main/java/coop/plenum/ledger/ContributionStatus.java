package coop.plenum.ledger;

/** PENDING until {@code requiredEvaluations} verdicts of one kind decide it ACCEPTED (with points) or REJECTED. */
public enum ContributionStatus {
    PENDING, ACCEPTED, REJECTED
}
