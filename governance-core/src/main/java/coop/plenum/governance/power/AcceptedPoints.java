package coop.plenum.governance.power;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member's ACCEPTED contribution points as of an instant, counting only contributions within the last
 * {@code windowDays} when that is set (null: all). The ledger answers this; voting power is the charter's formula
 * applied to it.
 */
@FunctionalInterface
public interface AcceptedPoints {
    BigDecimal asOf(CooperativeId cooperativeId, MemberId memberId, Instant asOf, Integer windowDays);
}
