package coop.plenum.api.cooperative;

import java.util.List;

/** {@code POST /api/v1/cooperatives}. */
public record FoundCooperativeRequest(String name, CharterJson charter, List<FounderJson> founders, String secretaryAccountId) {

    public record FounderJson(String accountId, String classId) {
    }
}
