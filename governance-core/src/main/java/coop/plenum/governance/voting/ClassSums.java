package coop.plenum.governance.voting;

import coop.plenum.governance.charter.StakeholderClass;

import java.math.BigDecimal;
import java.util.List;

/**
 * One class's exact power sums: its electorate power E, the participating power (every member whose ballot, own or
 * delegated, counts) and the method's own {@code sums} ({@link VotingMethod#count}).
 */
public record ClassSums(StakeholderClass stakeholderClass, BigDecimal electoratePower, BigDecimal participating,
                        List<BigDecimal> sums) {

    public ClassSums {
        sums = List.copyOf(sums);
    }

    public BigDecimal sum(int i) {
        return sums.get(i);
    }
}
