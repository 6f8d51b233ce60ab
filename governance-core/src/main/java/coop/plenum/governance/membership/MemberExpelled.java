package coop.plenum.governance.membership;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/** A fact: an accepted EXPULSION proposal ended this membership (EXPELLED). */
public record MemberExpelled(CooperativeId cooperativeId, MemberId memberId, AccountId accountId, ProposalId proposalId,
                             Instant expelledAt) {
}
