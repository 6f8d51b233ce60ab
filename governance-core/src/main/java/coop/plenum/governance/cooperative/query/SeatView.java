package coop.plenum.governance.cooperative.query;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.membership.MemberId;
import coop.plenum.governance.membership.MemberStatus;

import java.time.Instant;

/** One membership as the cooperative's read model holds it. */
public record SeatView(MemberId memberId, AccountId accountId, String classId, MemberStatus status, Instant since) {

    public boolean holdsMembership() {
        return status == MemberStatus.ACTIVE || status == MemberStatus.SUSPENDED;
    }
}
