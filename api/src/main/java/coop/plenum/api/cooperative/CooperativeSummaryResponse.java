package coop.plenum.api.cooperative;

import java.util.List;

/** One of my cooperatives: my membership status there (if any), my roles, and how many members it has. */
public record CooperativeSummaryResponse(String cooperativeId, String name, String myStatus, List<String> myRoles, long members) {
}
