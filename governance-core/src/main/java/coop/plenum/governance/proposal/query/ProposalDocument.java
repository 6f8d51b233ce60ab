package coop.plenum.governance.proposal.query;

import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.tally.Outcome;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;

import java.time.Instant;
import java.util.List;

/**
 * A proposal with what its pages and its tally need, including the frozen electorate; its ballots are documents of
 * their own ({@link BallotDocument}), so a ballot never rewrites this one. That holds for a secret vote's sealed
 * ballots too: who took part is read from the ballot pages ({@link SecretParticipation}), not kept here (documents
 * written before may still hold a {@code secretParticipants} list, which nothing reads).
 */
@Document("proposals")
record ProposalDocument(@Id String id, String cooperativeId, String authorMemberId, String authorAccountId, String title,
                        String body, String topic, ProposalKind kind, String effectMemberId, boolean amendsCharter,
                        ProposalState state, Outcome outcome, String approval, Instant votingOpensAt, Instant votingClosesAt,
                        Instant submittedAt, Instant openedAt, Instant closedAt, Instant executedAt, int revision,
                        List<Revision> revisions,
                        List<Comment> comments, List<StakeholderClass> classes, DecisionRule decision,
                        List<Elector> electorate, List<Long> applied, DelegationRule delegation,
                        List<FrozenDelegation> frozenDelegations, VoteMethod method, List<ProposalOption> options,
                        List<String> winners, coop.plenum.governance.proposal.Visibility visibility,
                        OutcomeStatement outcomeStatement, java.util.Map<String, Integer> seats,
                        List<Candidacy> candidacies, List<Candidate> candidates,
                        coop.plenum.governance.budget.ProposalBudget budget,
                        coop.plenum.governance.proposal.Secrecy secrecy) {

    /** SECRET: ballots sealed until close; documents from before secret ballots: OPEN. */
    boolean secret() {
        return coop.plenum.governance.proposal.Secrecy.orDefault(secrecy).isSecret();
    }

    /** ELECTION, during deliberation: a standing nomination. */
    record Candidacy(String memberId, String classId, String nominatedBy, boolean accepted) {
    }

    /** ELECTION, from opening: a candidate standing for their class (the pinned order). */
    record Candidate(String memberId, String classId) {
    }

    List<Candidacy> candidaciesOrNone() {
        return candidacies == null ? List.of() : candidacies;
    }

    List<Candidate> candidatesOrNone() {
        return candidates == null ? List.of() : candidates;
    }

    java.util.Map<String, Integer> seatsOrNone() {
        return seats == null ? java.util.Map.of() : seats;
    }

    /** Who sees ballots and running results while voting; documents from before visibility existed: PUBLIC. */
    coop.plenum.governance.proposal.Visibility resultsVisibility() {
        return coop.plenum.governance.proposal.Visibility.orDefault(visibility);
    }

    /** Whether ballots and running results are hidden now (AFTER_CLOSE, voting open). */
    boolean resultsHidden() {
        return resultsVisibility().hidesResultsIn(state) || secret() && state == ProposalState.VOTING;
    }

    /** The author's latest outcome statement (earlier ones stay in the log). */
    record OutcomeStatement(String statement, String recordedBy, Instant recordedAt) {
    }

    /** The voting method; documents of proposals from before methods existed have none: YES_NO. */
    VoteMethod votingMethod() {
        return VoteMethod.orDefault(method);
    }

    List<ProposalOption> optionsOrNone() {
        return options == null ? List.of() : options;
    }

    /** A delegation as it stood when voting closed (see {@code DelegationsFrozen}). */
    record FrozenDelegation(String memberId, String delegateId) {
    }

    record Revision(int revision, String title, String body, Instant at) {
    }

    /** {@code replyTo}: the comment it answers; none for a top-level comment (and for every comment from before replies). */
    record Comment(String commentId, String memberId, String text, Instant at, String replyTo) {
    }

    record Elector(String memberId, String accountId, String classId, BigDecimal power) {
    }
}
