package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: an ACTIVE member was suspended; they keep their seat but may not act until reinstated. */
public record MemberSuspended(CooperativeId cooperativeId, MemberId memberId, AccountId accountId, Instant suspendedAt) {
}
