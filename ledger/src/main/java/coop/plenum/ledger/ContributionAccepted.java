package coop.plenum.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A fact: enough peers accepted a contribution; from {@code acceptedAt} its contributor holds {@code points}
 * ({@code quantity × rate}, six digits HALF_EVEN) in {@code project}. Carries what voting power and revenue
 * shares need, so readers never reconstruct it.
 */
public record ContributionAccepted(LedgerId ledgerId, ContributionId contributionId, ContributorId contributorId,
                                   String project, LocalDate occurredOn, BigDecimal points, Instant acceptedAt) {
}
