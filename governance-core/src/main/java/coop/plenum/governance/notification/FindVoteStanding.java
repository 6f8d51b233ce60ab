package coop.plenum.governance.notification;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;

/**
 * Query: where one member stands in one open vote: in its electorate or not, with a ballot of their own or not, and
 * whose ballot carries their power through their delegations if not their own. Answered by key lookups along the
 * member's delegation chain (at most the electorate, usually one or two hops), never by reading the whole vote.
 */
public record FindVoteStanding(ProposalId proposalId, MemberId memberId) {
}
