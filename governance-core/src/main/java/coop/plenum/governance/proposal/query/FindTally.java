package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/** Query: the tally of a proposal as of an instant (null: now, or the closing instant once closed). */
public record FindTally(ProposalId proposalId, Instant asOf) {
}
