package coop.plenum.ledger.query;

import coop.plenum.ledger.ContributorId;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The open book's totals: per contributor and per project. Earnings and revenue are per currency. */
public record OpenBookView(List<ContributorTotals> contributors, List<ProjectTotals> projects) {

    public record ContributorTotals(ContributorId contributorId, BigDecimal acceptedPoints, int accepted, int pending,
                                    int rejected, Map<String, BigDecimal> earnings) {
    }

    public record ProjectTotals(String project, BigDecimal acceptedPoints, int accepted, int pending, int rejected,
                                Map<String, BigDecimal> revenue, Map<String, BigDecimal> unallocated) {
    }
}
