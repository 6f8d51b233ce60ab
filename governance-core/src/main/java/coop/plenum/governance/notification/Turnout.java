package coop.plenum.governance.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A vote's turnout (see {@link FindTurnout}): electors with a ballot of their own, of all electors. */
public record Turnout(long voted, long electors) {

    /** The share that voted, exact to six places (HALF_EVEN); zero for an empty electorate. */
    public BigDecimal share() {
        return electors == 0 ? BigDecimal.ZERO.setScale(6)
                : BigDecimal.valueOf(voted).divide(BigDecimal.valueOf(electors), 6, RoundingMode.HALF_EVEN);
    }
}
