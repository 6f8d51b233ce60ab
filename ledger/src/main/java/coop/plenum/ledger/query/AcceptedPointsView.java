package coop.plenum.ledger.query;

import java.math.BigDecimal;
import java.util.Map;

/** Accepted points by contributor id; contributors without accepted points are absent. */
public record AcceptedPointsView(Map<String, BigDecimal> points) {

    public BigDecimal of(String contributorId) {
        return points.getOrDefault(contributorId, BigDecimal.ZERO.setScale(coop.plenum.ledger.ValueEquation.POINT_SCALE));
    }
}
