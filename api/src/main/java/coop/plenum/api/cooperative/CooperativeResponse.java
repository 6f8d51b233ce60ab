package coop.plenum.api.cooperative;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/cooperatives/{coop}}: the charter and counts. */
public record CooperativeResponse(String cooperativeId, String name, Instant foundedAt, CharterJson charter,
                                  Counts counts, List<String> myRoles) {

    /** Members holding a membership, and every membership by status and (for ACTIVE/SUSPENDED) by class. */
    public record Counts(long members, Map<String, Long> byStatus, Map<String, Long> byClass) {
    }
}
