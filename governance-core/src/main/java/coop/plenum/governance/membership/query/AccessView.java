package coop.plenum.governance.membership.query;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;

import java.util.EnumSet;
import java.util.Set;

/**
 * An account's standing in a cooperative: its current membership (if any) and granted roles. MEMBER is held while
 * the membership is ACTIVE or SUSPENDED; only ACTIVE members act.
 */
public record AccessView(CooperativeId cooperativeId, AccountId accountId, MemberId memberId, MemberStatus status,
                         Set<Role> grantedRoles) {

    public static AccessView none(CooperativeId cooperativeId, AccountId accountId) {
        return new AccessView(cooperativeId, accountId, null, null, EnumSet.noneOf(Role.class));
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (status == MemberStatus.ACTIVE || status == MemberStatus.SUSPENDED) {
            roles.add(Role.MEMBER);
        }
        roles.addAll(grantedRoles);
        return roles;
    }

    public boolean isActiveMember() {
        return status == MemberStatus.ACTIVE;
    }
}
