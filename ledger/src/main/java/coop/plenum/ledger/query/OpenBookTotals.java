package coop.plenum.ledger.query;

import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.ValueEquation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds up the open book: accepted points, counts by status and earnings per contributor; the same per project. */
final class OpenBookTotals {

    private static final BigDecimal NO_POINTS = BigDecimal.ZERO.setScale(ValueEquation.POINT_SCALE);

    private OpenBookTotals() {
    }

    static OpenBookView of(List<ContributionView> contributions, List<RevenueView> revenues) {
        Map<String, Tally> byContributor = new TreeMap<>();
        Map<String, Tally> byProject = new TreeMap<>();
        for (ContributionView c : contributions) {
            byContributor.computeIfAbsent(c.contributorId().value(), k -> new Tally()).count(c);
            byProject.computeIfAbsent(c.project(), k -> new Tally()).count(c);
        }
        for (RevenueView r : revenues) {
            Tally project = byProject.computeIfAbsent(r.project(), k -> new Tally());
            project.money.merge(r.currency(), r.amount(), BigDecimal::add);
            if (r.unallocated().signum() > 0) {
                project.unallocated.merge(r.currency(), r.unallocated(), BigDecimal::add);
            }
            for (RevenueView.Allocation a : r.allocations()) {
                byContributor.computeIfAbsent(a.contributorId().value(), k -> new Tally())
                        .money.merge(r.currency(), a.amount(), BigDecimal::add);
            }
        }
        return new OpenBookView(
                byContributor.entrySet().stream().map(e -> new OpenBookView.ContributorTotals(new ContributorId(e.getKey()),
                        e.getValue().points, e.getValue().accepted, e.getValue().pending, e.getValue().rejected,
                        Map.copyOf(e.getValue().money))).toList(),
                byProject.entrySet().stream().map(e -> new OpenBookView.ProjectTotals(e.getKey(), e.getValue().points,
                        e.getValue().accepted, e.getValue().pending, e.getValue().rejected, Map.copyOf(e.getValue().money),
                        Map.copyOf(e.getValue().unallocated))).toList());
    }

    private static final class Tally {
        BigDecimal points = NO_POINTS;
        int accepted;
        int pending;
        int rejected;
        final Map<String, BigDecimal> money = new TreeMap<>();
        final Map<String, BigDecimal> unallocated = new TreeMap<>();

        void count(ContributionView c) {
            switch (c.status()) {
                case ACCEPTED -> {
                    accepted++;
                    points = points.add(c.points());
                }
                case PENDING -> pending++;
                case REJECTED -> rejected++;
            }
        }
    }
}
