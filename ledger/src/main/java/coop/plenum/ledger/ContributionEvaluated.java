package coop.plenum.ledger;

import java.time.Instant;

/** A fact: a peer judged a contribution; {@code note} is optional. */
public record ContributionEvaluated(LedgerId ledgerId, ContributionId contributionId, ContributorId evaluatorId,
                                    Verdict verdict, String note, Instant evaluatedAt) {
}
