package coop.plenum.governance.membership.query;

import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.cooperative.Role;
import coop.plenum.governance.membership.MemberStatus;

import java.util.Set;

/** A cooperative in someone's list: its name, that someone's status and roles there, and its member count. */
public record CooperativeSummary(CooperativeId cooperativeId, String name, MemberStatus myStatus, Set<Role> myRoles,
                                 long memberCount) {
}
