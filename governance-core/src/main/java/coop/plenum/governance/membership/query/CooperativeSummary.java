package coop.plenum.governance.membership.query;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.membership.MemberStatus;

import java.util.Set;

/** A cooperative in someone's list: its name, that someone's status and roles there, and its member count. */
public record CooperativeSummary(CooperativeId cooperativeId, String name, MemberStatus myStatus, Set<Role> myRoles,
                                 long memberCount) {
}
