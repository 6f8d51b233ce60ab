package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.tally.Outcome;

import java.time.Instant;

/** A proposal in a list. */
public record ProposalSummary(ProposalId proposalId, CooperativeId cooperativeId, String title, String topic,
                              ProposalKind kind, ProposalState state, Outcome outcome, Instant votingOpensAt,
                              Instant votingClosesAt, Instant submittedAt) {
}
