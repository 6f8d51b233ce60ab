package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: a suspended member is ACTIVE again. */
public record MemberReinstated(CooperativeId cooperativeId, MemberId memberId, AccountId accountId, Instant reinstatedAt) {
}
