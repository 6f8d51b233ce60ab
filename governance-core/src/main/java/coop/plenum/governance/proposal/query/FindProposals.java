package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.proposal.ProposalState;

/** Query: a cooperative's proposals, newest first, optionally only those in one state. */
public record FindProposals(CooperativeId cooperativeId, ProposalState state) {
}
