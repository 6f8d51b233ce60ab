package coop.plenum.api.ledger;

import coop.plenum.ledger.query.ContributionView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The contribution shape clients rely on (SPEC "HTTP API"), plus who logged it, the rate and number of verdicts
 * it was logged with, and the verdicts so far. Decimals are exact strings; {@code points} is null while PENDING.
 */
record ContributionJson(String contributionId, String memberId, String displayName, String project, String type,
                        String quantity, String status, String points, String rate, int requiredEvaluations,
                        String description, LocalDate occurredOn, Instant loggedAt, Instant decidedAt,
                        List<EvaluationJson> evaluations) {

    record EvaluationJson(String evaluatorId, String displayName, String verdict, String note, Instant evaluatedAt) {
    }

    static ContributionJson of(ContributionView c, Map<String, String> names) {
        return new ContributionJson(c.contributionId().value(), c.contributorId().value(), names.get(c.contributorId().value()),
                c.project(), c.type(), c.quantity().toPlainString(), c.status().name(),
                c.points() == null ? null : c.points().toPlainString(), c.rate().toPlainString(), c.requiredEvaluations(),
                c.description(), c.occurredOn(), c.loggedAt(), c.decidedAt(),
                c.evaluations().stream().map(e -> new EvaluationJson(e.evaluatorId().value(), names.get(e.evaluatorId().value()),
                        e.verdict().name(), e.note(), e.evaluatedAt())).toList());
    }
}
