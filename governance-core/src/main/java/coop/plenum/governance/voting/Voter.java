package coop.plenum.governance.voting;

import coop.plenum.governance.ids.MemberId;

import java.math.BigDecimal;
import java.util.Objects;

/** One member of the electorate, with the class and voting power pinned when voting opened. */
public record Voter(MemberId memberId, String classId, BigDecimal power) {

    public Voter {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(power, "power");
        if (power.signum() < 0) {
            throw new IllegalArgumentException("voting power is never negative: " + memberId + " has " + power);
        }
    }
}
