package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: a member left the cooperative; the membership is WITHDRAWN. */
public record MembershipWithdrawn(CooperativeId cooperativeId, MemberId memberId, AccountId accountId, Instant withdrawnAt) {
}
