package coop.plenum.ledger.query;

import coop.plenum.ledger.ContributionId;
import coop.plenum.ledger.ContributionStatus;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.Verdict;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A contribution with its verdicts; {@code points} and {@code decidedAt} are set once it is decided. */
public record ContributionView(ContributionId contributionId, ContributorId contributorId, String project, String type,
                               BigDecimal quantity, BigDecimal rate, int requiredEvaluations, String description,
                               LocalDate occurredOn, Instant loggedAt, ContributionStatus status, BigDecimal points,
                               Instant decidedAt, List<Evaluation> evaluations) {

    public record Evaluation(ContributorId evaluatorId, Verdict verdict, String note, Instant evaluatedAt) {
    }

    public boolean evaluatedBy(ContributorId evaluator) {
        return evaluations.stream().anyMatch(e -> e.evaluatorId().equals(evaluator));
    }
}
