package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.MemberId;

import java.util.List;

/** One page of proposals (see {@link FindProposalPage}); {@code older}: whether a further page follows. */
public record ProposalPage(List<Listed> proposals, int page, boolean older) {

    /** A proposal in the list, with its author. */
    public record Listed(ProposalSummary summary, MemberId author) {
    }
}
