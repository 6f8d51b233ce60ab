package coop.plenum.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** What other contexts may ask a ledger, answered from its event-sourced state (strongly consistent). */
public interface LedgerFacts {

    /** The contributor's ACCEPTED points as of {@code asOf}, within the {@link PointsWindow} when {@code windowDays} is set. */
    BigDecimal acceptedPoints(ContributorId contributorId, Instant asOf, Integer windowDays);
}
