package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: an application was turned down; the membership is REJECTED and the account may apply again. */
public record ApplicationRejected(CooperativeId cooperativeId, MemberId memberId, AccountId accountId, Instant rejectedAt) {
}
