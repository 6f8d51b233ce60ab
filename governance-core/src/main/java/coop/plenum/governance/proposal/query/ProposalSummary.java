package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.tally.Outcome;

import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;

import java.time.Instant;
import java.util.List;

/** A proposal in a list, with its voting method, options and (once an option vote is decided) its winners. */
public record ProposalSummary(ProposalId proposalId, CooperativeId cooperativeId, String title, String topic,
                              ProposalKind kind, ProposalState state, Outcome outcome, Instant votingOpensAt,
                              Instant votingClosesAt, Instant submittedAt, VoteMethod method, List<ProposalOption> options,
                              List<String> winners) {
}
