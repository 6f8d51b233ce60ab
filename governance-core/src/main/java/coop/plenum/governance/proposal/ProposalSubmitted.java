package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;

import java.time.Instant;

/** A fact: a member put a proposal up for deliberation (revision 1), with its schedule if it has one. */
public record ProposalSubmitted(ProposalId proposalId, CooperativeId cooperativeId, MemberId authorMemberId,
                                AccountId authorAccountId, String title, String body, String topic, ProposalKind kind,
                                ProposalEffect effect, Instant votingOpensAt, Instant votingClosesAt, Instant submittedAt) {
}
