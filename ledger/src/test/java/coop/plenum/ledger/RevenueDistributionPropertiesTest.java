package coop.plenum.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "RecordRevenue" as properties over thousands of random revenues and point distributions. */
class RevenueDistributionPropertiesTest {

    record Case(BigDecimal amount, int minorDigits, Map<ContributorId, BigDecimal> points) {
    }

    @Provide
    Arbitrary<Case> revenues() {
        Arbitrary<Integer> digits = Arbitraries.of(0, 2, 3);
        Arbitrary<Long> units = Arbitraries.longs().between(1, 10_000_000_000L);
        Arbitrary<BigDecimal> point = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(6),
                Arbitraries.of(new BigDecimal("1.000000"), new BigDecimal("2.000000"), new BigDecimal("0.000001")));
        Arbitrary<List<BigDecimal>> pointLists = point.list().ofMinSize(0).ofMaxSize(30);
        return Combinators.combine(units, digits, pointLists).as((u, d, list) -> {
            Map<ContributorId, BigDecimal> points = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                points.put(new ContributorId("m-" + Integer.toString(i * 7919 % 101, 36) + "-" + i), list.get(i));
            }
            return new Case(new BigDecimal(BigInteger.valueOf(u), d), d, points);
        });
    }

    private static boolean anyPoints(Case c) {
        return c.points().values().stream().anyMatch(p -> p.signum() > 0);
    }

    @Property(tries = 3000)
    void theSharesAlwaysSumExactlyToTheAmountOrItStaysUnallocated(@ForAll("revenues") Case c) {
        RevenueDistribution.Result result = RevenueDistribution.distribute(c.amount(), c.minorDigits(), c.points());
        BigDecimal shared = result.shares().stream().map(RevenueDistribution.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(shared.add(result.unallocated())).isEqualByComparingTo(c.amount());
        if (anyPoints(c)) {
            assertThat(result.unallocated()).isZero();
        } else {
            assertThat(result.shares()).isEmpty();
            assertThat(result.unallocated()).isEqualByComparingTo(c.amount());
        }
    }

    @Property(tries = 3000)
    void noShareIsNegativeAndEveryShareIsInTheMinorUnit(@ForAll("revenues") Case c) {
        for (RevenueDistribution.Share share : RevenueDistribution.distribute(c.amount(), c.minorDigits(), c.points()).shares()) {
            assertThat(share.amount().signum()).isGreaterThanOrEqualTo(0);
            assertThat(share.amount().scale()).isEqualTo(c.minorDigits());
        }
    }

    @Property(tries = 3000)
    void eachShareIsWithinOneMinorUnitOfItsExactProRataValue(@ForAll("revenues") Case c) {
        BigDecimal total = c.points().values().stream().filter(p -> p.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(c.minorDigits());
        for (RevenueDistribution.Share share : RevenueDistribution.distribute(c.amount(), c.minorDigits(), c.points()).shares()) {
            // share·total vs amount·points, cross-multiplied: floor ≤ share ≤ floor + 1 unit
            BigDecimal exactTimesTotal = c.amount().multiply(share.points());
            assertThat(share.amount().multiply(total)).isLessThanOrEqualTo(exactTimesTotal.add(unit.multiply(total)));
            assertThat(share.amount().add(unit).multiply(total)).isGreaterThan(exactTimesTotal);
        }
    }

    @Property(tries = 2000)
    void theOrderContributorsAreListedInChangesNothing(@ForAll("revenues") Case c) {
        List<Map.Entry<ContributorId, BigDecimal>> entries = new ArrayList<>(c.points().entrySet());
        Collections.reverse(entries);
        Map<ContributorId, BigDecimal> reversed = new LinkedHashMap<>();
        entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
        assertThat(RevenueDistribution.distribute(c.amount(), c.minorDigits(), reversed))
                .isEqualTo(RevenueDistribution.distribute(c.amount(), c.minorDigits(), c.points()));
    }

    @Property(tries = 2000)
    void tiesGoToTheSmallestContributorIds(@ForAll("revenues") Case c) {
        // with equal points the leftover units go, one each, to the first ids in order
        Map<ContributorId, BigDecimal> equal = new LinkedHashMap<>();
        c.points().keySet().forEach(id -> equal.put(id, BigDecimal.ONE));
        List<RevenueDistribution.Share> shares = RevenueDistribution.distribute(c.amount(), c.minorDigits(), equal).shares();
        for (int i = 1; i < shares.size(); i++) {
            assertThat(shares.get(i - 1).contributorId().value()).isLessThan(shares.get(i).contributorId().value());
            assertThat(shares.get(i - 1).amount()).isGreaterThanOrEqualTo(shares.get(i).amount());
        }
    }
}
