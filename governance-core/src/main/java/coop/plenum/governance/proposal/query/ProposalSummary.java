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

/**
 * A proposal in a list, with its voting method, options, (once an option vote is decided) its winners, and who sees
 * ballots and running results while voting ({@code visibility}, never null), and a BUDGET proposal's {@code budget}
 * (null for every other method).
 */
public record ProposalSummary(ProposalId proposalId, CooperativeId cooperativeId, String title, String topic,
                              ProposalKind kind, ProposalState state, Outcome outcome, Instant votingOpensAt,
                              Instant votingClosesAt, Instant submittedAt, VoteMethod method, List<ProposalOption> options,
                              List<String> winners, coop.plenum.governance.proposal.Visibility visibility,
                              coop.plenum.governance.budget.ProposalBudget budget,
                              coop.plenum.governance.proposal.Secrecy secrecy) {

    /** An open proposal ({@code secrecy} OPEN). */
    public ProposalSummary(ProposalId proposalId, CooperativeId cooperativeId, String title, String topic,
                           ProposalKind kind, ProposalState state, Outcome outcome, Instant votingOpensAt,
                           Instant votingClosesAt, Instant submittedAt, VoteMethod method, List<ProposalOption> options,
                           List<String> winners, coop.plenum.governance.proposal.Visibility visibility,
                           coop.plenum.governance.budget.ProposalBudget budget) {
        this(proposalId, cooperativeId, title, topic, kind, state, outcome, votingOpensAt, votingClosesAt, submittedAt,
                method, options, winners, visibility, budget, null);
    }

    /** SPEC "secrecy: SECRET": ballots sealed until close, then revealed without their members. */
    public boolean secret() {
        return coop.plenum.governance.proposal.Secrecy.orDefault(secrecy).isSecret();
    }

    /** A proposal of any method but BUDGET. */
    public ProposalSummary(ProposalId proposalId, CooperativeId cooperativeId, String title, String topic,
                           ProposalKind kind, ProposalState state, Outcome outcome, Instant votingOpensAt,
                           Instant votingClosesAt, Instant submittedAt, VoteMethod method, List<ProposalOption> options,
                           List<String> winners, coop.plenum.governance.proposal.Visibility visibility) {
        this(proposalId, cooperativeId, title, topic, kind, state, outcome, votingOpensAt, votingClosesAt, submittedAt,
                method, options, winners, visibility, null);
    }

    /**
     * SPEC "Voting methods", {@code visibility: AFTER_CLOSE}: while this vote is open its ballots and running results are
     * hidden from everyone reading through the API and the pages (participation per class is shown).
     */
    public boolean resultsHidden() {
        return coop.plenum.governance.proposal.Visibility.orDefault(visibility).hidesResultsIn(state)
                || secret() && state == ProposalState.VOTING;
    }
}
