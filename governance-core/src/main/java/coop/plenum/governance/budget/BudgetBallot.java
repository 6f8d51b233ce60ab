package coop.plenum.governance.budget;

import coop.plenum.governance.ids.MemberId;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/** A participating member's approval ballot, with the class and power pinned at opening. */
public record BudgetBallot(MemberId member, String classId, BigDecimal power, Set<String> approved) {

    public BudgetBallot {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(power, "power");
        if (power.signum() < 0) {
            throw new IllegalArgumentException("voting power is never negative: " + member + " has " + power);
        }
        approved = Set.copyOf(approved);
    }
}
