package coop.plenum.ledger.query;

import org.springframework.data.annotation.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A contribution as the open book shows it; {@code occurredOn} as ISO text (no time zone conversion on the way). */
record ContributionDocument(@Id String id, String ledgerId, String contributorId, String project, String type,
                            BigDecimal quantity, BigDecimal rate, int requiredEvaluations, String description,
                            String occurredOn, Instant loggedAt, String status, BigDecimal points, Instant decidedAt,
                            List<Evaluation> evaluations) {

    record Evaluation(String evaluatorId, String verdict, String note, Instant at) {
    }
}
