package coop.plenum.api.ledger;

import coop.plenum.ledger.query.RevenueView;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The revenue shape clients rely on (SPEC "HTTP API"): amounts as decimal strings in the currency's minor unit. */
record RevenueJson(String revenueId, String project, String amount, String currency, List<AllocationJson> allocations,
                   String unallocated, Instant recordedAt, String recordedBy) {

    record AllocationJson(String memberId, String displayName, String amount, String points) {
    }

    static RevenueJson of(RevenueView r, Map<String, String> names) {
        return new RevenueJson(r.revenueId().value(), r.project(), r.amount().toPlainString(), r.currency(),
                r.allocations().stream().map(a -> new AllocationJson(a.contributorId().value(), names.get(a.contributorId().value()),
                        a.amount().toPlainString(), a.points().toPlainString())).toList(),
                r.unallocated().toPlainString(), r.recordedAt(), r.recordedBy());
    }
}
