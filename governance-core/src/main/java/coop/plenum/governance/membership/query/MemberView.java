package coop.plenum.governance.membership.query;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A membership as the directory shows it, with its history of transitions (oldest first). */
public record MemberView(MemberId memberId, CooperativeId cooperativeId, AccountId accountId, String displayName,
                         String classId, MemberStatus status, Set<Role> roles, Instant appliedAt, Instant memberSince,
                         List<MembershipChange> history) {

    public boolean holdsMembership() {
        return status == MemberStatus.ACTIVE || status == MemberStatus.SUSPENDED;
    }
}
