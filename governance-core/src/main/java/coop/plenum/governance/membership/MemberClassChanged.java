package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: a member moved from one stakeholder class to another. */
public record MemberClassChanged(CooperativeId cooperativeId, MemberId memberId, AccountId accountId,
                                 String fromClassId, String toClassId, Instant changedAt) {
}
