package coop.plenum.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A fact: a contributor logged a contribution. The rate of its type and the number of verdicts that decide it are
 * the ones in force when it was logged, recorded here so that a later charter amendment never changes it.
 */
public record ContributionLogged(LedgerId ledgerId, ContributionId contributionId, ContributorId contributorId,
                                 String project, String type, BigDecimal quantity, BigDecimal rate,
                                 int requiredEvaluations, String description, LocalDate occurredOn, Instant loggedAt) {
}
