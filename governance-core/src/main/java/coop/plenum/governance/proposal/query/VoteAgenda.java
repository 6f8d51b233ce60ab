package coop.plenum.governance.proposal.query;

import java.time.Instant;
import java.util.List;

/** What a cooperative is voting on now, and what it decided last (see {@link FindVoteAgenda}). */
public record VoteAgenda(List<ProposalSummary> open, List<Decision> decided) {

    /** How many of a cooperative's latest decisions the agenda keeps. */
    public static final int RECENT_DECISIONS = 10;

    public static VoteAgenda none() {
        return new VoteAgenda(List.of(), List.of());
    }

    /** A closed vote and when it closed (its summary has the outcome and, for an option vote, the winners). */
    public record Decision(ProposalSummary proposal, Instant closedAt) {
    }
}
