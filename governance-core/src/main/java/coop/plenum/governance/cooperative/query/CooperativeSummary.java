package coop.plenum.governance.cooperative.query;

import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.cooperative.Role;

import java.time.Instant;
import java.util.Set;

/** A cooperative in someone's list: its name and the roles that someone holds there. */
public record CooperativeSummary(CooperativeId cooperativeId, String name, Instant foundedAt, long memberCount,
                                 Set<Role> myRoles) {
}
