package coop.plenum.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * SPEC "RecordRevenue": share {@code amount} pro rata to accepted points; each share floored to the currency's
 * minor unit; the minor units left over go one each to the largest remainders, ties by contributor id. Exact
 * integer arithmetic on minor units and on points scaled to micro-points: the shares always sum to the amount.
 * With no points at all, nothing is allocated.
 */
public final class RevenueDistribution {

    /** One contributor's share, and the points it was computed from. */
    public record Share(ContributorId contributorId, BigDecimal points, BigDecimal amount) {
    }

    /** The shares (ordered by contributor id) and what stays unallocated (the whole amount, or zero). */
    public record Result(List<Share> shares, BigDecimal unallocated) {
    }

    private RevenueDistribution() {
    }

    /**
     * @param amount      positive, with at most {@code minorDigits} fractional digits
     * @param minorDigits the currency's minor unit (2 for EUR, 0 for JPY, 3 for BHD)
     * @param points      accepted points per contributor; zero or negative entries take no share
     */
    public static Result distribute(BigDecimal amount, int minorDigits, Map<ContributorId, BigDecimal> points) {
        BigInteger units = amount.movePointRight(minorDigits).toBigIntegerExact();
        List<Entry> entries = new ArrayList<>();
        points.forEach((id, p) -> {
            if (p != null && p.signum() > 0) {
                entries.add(new Entry(id, p, microPoints(p)));
            }
        });
        entries.sort(Comparator.comparing(e -> e.id.value()));
        BigInteger total = entries.stream().map(e -> e.micro).reduce(BigInteger.ZERO, BigInteger::add);
        if (total.signum() == 0) {
            return new Result(List.of(), amount.setScale(minorDigits));
        }
        BigInteger handedOut = BigInteger.ZERO;
        for (Entry e : entries) {
            BigInteger[] qr = units.multiply(e.micro).divideAndRemainder(total);
            e.units = qr[0];
            e.remainder = qr[1];
            handedOut = handedOut.add(qr[0]);
        }
        int leftover = units.subtract(handedOut).intValueExact();
        entries.stream()
                .sorted(Comparator.comparing((Entry e) -> e.remainder).reversed().thenComparing(e -> e.id.value()))
                .limit(leftover)
                .forEach(e -> e.units = e.units.add(BigInteger.ONE));
        List<Share> shares = entries.stream()
                .map(e -> new Share(e.id, e.points, new BigDecimal(e.units, minorDigits)))
                .toList();
        return new Result(shares, BigDecimal.ZERO.setScale(minorDigits));
    }

    private static BigInteger microPoints(BigDecimal points) {
        return points.setScale(ValueEquation.POINT_SCALE, java.math.RoundingMode.HALF_EVEN).unscaledValue();
    }

    private static final class Entry {
        final ContributorId id;
        final BigDecimal points;
        final BigInteger micro;
        BigInteger units;
        BigInteger remainder;

        Entry(ContributorId id, BigDecimal points, BigInteger micro) {
            this.id = id;
            this.points = points;
            this.micro = micro;
        }
    }
}
