package coop.plenum.api.cooperative;

import java.time.Instant;
import java.util.List;

public record CooperativeSummaryResponse(String cooperativeId, String name, Instant foundedAt, long members, List<String> myRoles) {
}
