package coop.plenum.governance.membership;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.cooperative.CooperativeId;

import java.time.Instant;

/** A fact: an application was turned down; the membership is REJECTED and the account may apply again. */
public record ApplicationRejected(CooperativeId cooperativeId, MemberId memberId, AccountId accountId, Instant rejectedAt) {
}
