package coop.plenum.governance.election;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One member's ballot in an STV count: the candidates in order of preference (best first, no ties, unranked
 * candidates get nothing from this ballot) and the member's voting power as the ballot's weight, exact.
 */
public record RankedVote(List<String> ranking, BigDecimal weight) {

    public RankedVote {
        ranking = List.copyOf(ranking);
        Objects.requireNonNull(weight, "weight");
        if (weight.signum() < 0) {
            throw new IllegalArgumentException("a ballot's weight is never negative: " + weight);
        }
    }

    public static RankedVote of(String... ranking) {
        return new RankedVote(List.of(ranking), BigDecimal.ONE);
    }
}
