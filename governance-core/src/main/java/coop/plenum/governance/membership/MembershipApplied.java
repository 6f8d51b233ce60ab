package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: an account applied to join the cooperative in a class; the membership is APPLIED. */
public record MembershipApplied(CooperativeId cooperativeId, MemberId memberId, AccountId accountId, String classId,
                                Instant appliedAt) {
}
