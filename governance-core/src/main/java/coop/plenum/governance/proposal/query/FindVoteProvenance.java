package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/** How a member's power was (or, while voting, would now be) counted on a proposal; {@code asOf} optional. */
public record FindVoteProvenance(ProposalId proposalId, MemberId memberId, Instant asOf) {
}
