package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;

import java.time.Instant;
import java.util.List;

/**
 * An ACTIVE member proposes; without a schedule a secretary opens and closes the vote. {@code method} null means
 * YES_NO; option methods name their {@code options}. {@code visibility} null means PUBLIC; AFTER_CLOSE hides ballots
 * and running results until the vote closes. {@code seats} (ELECTION only) gives the seats per stakeholder class;
 * {@code budget} is a BUDGET proposal's amount and currency (none for any other method). {@code secrecy} SECRET
 * seals the ballots until close (any method but ELECTION); absent means the charter's default for the proposal's kind.
 */
public record SubmitProposal(@TargetAggregateIdentifier ProposalId proposalId, CooperativeId cooperativeId, String title,
                             String body, String topic, ProposalKind kind, ProposalEffect effect,
                             Instant votingOpensAt, Instant votingClosesAt, VoteMethod method,
                             List<ProposalOption> options, Visibility visibility,
                             java.util.Map<String, Integer> seats, coop.plenum.governance.budget.ProposalBudget budget,
                             Secrecy secrecy)
        implements CheckedCommand {

    /** An open proposal ({@code secrecy} absent: OPEN, or the default of its kind, see the charter). */
    public SubmitProposal(ProposalId proposalId, CooperativeId cooperativeId, String title, String body, String topic,
                          ProposalKind kind, ProposalEffect effect, Instant votingOpensAt, Instant votingClosesAt,
                          VoteMethod method, List<ProposalOption> options, Visibility visibility,
                          java.util.Map<String, Integer> seats, coop.plenum.governance.budget.ProposalBudget budget) {
        this(proposalId, cooperativeId, title, body, topic, kind, effect, votingOpensAt, votingClosesAt, method, options,
                visibility, seats, budget, null);
    }

    /** A proposal of any method but ELECTION and BUDGET. */
    public SubmitProposal(ProposalId proposalId, CooperativeId cooperativeId, String title, String body, String topic,
                          ProposalKind kind, ProposalEffect effect, Instant votingOpensAt, Instant votingClosesAt,
                          VoteMethod method, List<ProposalOption> options, Visibility visibility) {
        this(proposalId, cooperativeId, title, body, topic, kind, effect, votingOpensAt, votingClosesAt, method, options,
                visibility, null, null);
    }

    /** A proposal whose ballots and running results are visible while voting ({@code visibility} PUBLIC). */
    public SubmitProposal(ProposalId proposalId, CooperativeId cooperativeId, String title, String body, String topic,
                          ProposalKind kind, ProposalEffect effect, Instant votingOpensAt, Instant votingClosesAt,
                          VoteMethod method, List<ProposalOption> options) {
        this(proposalId, cooperativeId, title, body, topic, kind, effect, votingOpensAt, votingClosesAt, method, options, null);
    }

    /** A YES_NO proposal. */
    public SubmitProposal(ProposalId proposalId, CooperativeId cooperativeId, String title, String body, String topic,
                          ProposalKind kind, ProposalEffect effect, Instant votingOpensAt, Instant votingClosesAt) {
        this(proposalId, cooperativeId, title, body, topic, kind, effect, votingOpensAt, votingClosesAt, null, null);
    }

    @Override
    public List<Violation> inputViolations() {
        return ProposalInputRules.submission(this);
    }
}
