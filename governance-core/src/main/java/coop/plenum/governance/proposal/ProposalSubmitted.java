package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;

import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;

import java.time.Instant;
import java.util.List;

/** A fact: a member put a proposal up for deliberation (revision 1), with its schedule if it has one,
 * and its voting method and options ({@code method} absent in events stored before methods existed: YES_NO), and who
 * sees ballots and running results while voting ({@code visibility}; absent in events stored before it existed and
 * for PUBLIC proposals: PUBLIC), for an ELECTION the {@code seats} per stakeholder class, and a BUDGET proposal's
 * {@code budget} (each absent for every other method), and {@code secrecy} (SECRET; absent: OPEN). */
public record ProposalSubmitted(ProposalId proposalId, CooperativeId cooperativeId, MemberId authorMemberId,
                                AccountId authorAccountId, String title, String body, String topic, ProposalKind kind,
                                ProposalEffect effect, Instant votingOpensAt, Instant votingClosesAt, Instant submittedAt,
                                VoteMethod method, List<ProposalOption> options, Visibility visibility,
                                java.util.Map<String, Integer> seats, coop.plenum.governance.budget.ProposalBudget budget,
                                Secrecy secrecy) {

    /** An open proposal, as every proposal was before secret ballots. */
    public ProposalSubmitted(ProposalId proposalId, CooperativeId cooperativeId, MemberId authorMemberId,
                             AccountId authorAccountId, String title, String body, String topic, ProposalKind kind,
                             ProposalEffect effect, Instant votingOpensAt, Instant votingClosesAt, Instant submittedAt,
                             VoteMethod method, List<ProposalOption> options, Visibility visibility,
                             java.util.Map<String, Integer> seats, coop.plenum.governance.budget.ProposalBudget budget) {
        this(proposalId, cooperativeId, authorMemberId, authorAccountId, title, body, topic, kind, effect, votingOpensAt,
                votingClosesAt, submittedAt, method, options, visibility, seats, budget, null);
    }

    /** SECRET or OPEN; absent (every event from before secret ballots, and every open proposal) means OPEN. */
    public Secrecy ballotSecrecy() {
        return Secrecy.orDefault(secrecy);
    }

    /** A proposal of any method but ELECTION and BUDGET. */
    public ProposalSubmitted(ProposalId proposalId, CooperativeId cooperativeId, MemberId authorMemberId,
                             AccountId authorAccountId, String title, String body, String topic, ProposalKind kind,
                             ProposalEffect effect, Instant votingOpensAt, Instant votingClosesAt, Instant submittedAt,
                             VoteMethod method, List<ProposalOption> options, Visibility visibility) {
        this(proposalId, cooperativeId, authorMemberId, authorAccountId, title, body, topic, kind, effect, votingOpensAt,
                votingClosesAt, submittedAt, method, options, visibility, null, null);
    }

    /** The seats per class of an ELECTION; none for any other method. */
    public java.util.Map<String, Integer> seatsOrNone() {
        return seats == null ? java.util.Map.of() : seats;
    }

    /** A proposal with a method, before visibility existed: PUBLIC. */
    public ProposalSubmitted(ProposalId proposalId, CooperativeId cooperativeId, MemberId authorMemberId,
                             AccountId authorAccountId, String title, String body, String topic, ProposalKind kind,
                             ProposalEffect effect, Instant votingOpensAt, Instant votingClosesAt, Instant submittedAt,
                             VoteMethod method, List<ProposalOption> options) {
        this(proposalId, cooperativeId, authorMemberId, authorAccountId, title, body, topic, kind, effect, votingOpensAt,
                votingClosesAt, submittedAt, method, options, null);
    }

    /** A YES_NO proposal, as every proposal was before voting methods. */
    public ProposalSubmitted(ProposalId proposalId, CooperativeId cooperativeId, MemberId authorMemberId,
                             AccountId authorAccountId, String title, String body, String topic, ProposalKind kind,
                             ProposalEffect effect, Instant votingOpensAt, Instant votingClosesAt, Instant submittedAt) {
        this(proposalId, cooperativeId, authorMemberId, authorAccountId, title, body, topic, kind, effect, votingOpensAt,
                votingClosesAt, submittedAt, VoteMethod.YES_NO, null);
    }

    /** The method; events stored before methods existed have none and mean YES_NO. */
    public VoteMethod votingMethod() {
        return VoteMethod.orDefault(method);
    }

    /** Who sees ballots and running results while voting; absent means PUBLIC. */
    public Visibility resultsVisibility() {
        return Visibility.orDefault(visibility);
    }

    public List<ProposalOption> optionsOrNone() {
        return options == null ? List.of() : options;
    }
}
