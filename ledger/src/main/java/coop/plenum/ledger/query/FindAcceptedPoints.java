package coop.plenum.ledger.query;

import coop.plenum.ledger.LedgerId;

import java.time.Instant;

/** Every contributor's accepted points as of {@code asOf}, within {@code windowDays} when set (see PointsWindow). */
public record FindAcceptedPoints(LedgerId ledgerId, Instant asOf, Integer windowDays) {
}
