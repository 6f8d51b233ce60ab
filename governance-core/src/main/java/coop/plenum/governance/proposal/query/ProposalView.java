package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.tally.Choice;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A proposal's page: the summary, the current text and every revision, the comments, the size of the frozen
 * electorate per class, and the ballots as they stand (visible to members: delegates are accountable): {@code ballots} of a YES_NO
 * vote, {@code optionBallots} of an APPROVAL or SCORE vote,
 * {@code consentBallots} of a CONSENT vote, {@code rankedBallots} of a RANKED vote, with the {@code reasons} members
 * gave; and the {@code decision} rule pinned when voting opened ({@code null} before), which the page needs to draw
 * EVERY_CLASS's pass line. A SECRET vote has no ballots here, only {@code secretParticipants}: who took part.
 */
public record ProposalView(ProposalSummary summary, MemberId authorMemberId, String body, int revision,
                           List<RevisionView> revisions, List<CommentView> comments, Instant openedAt, Instant closedAt,
                           Map<String, Long> electorateByClass, Map<MemberId, Choice> ballots, MemberId effectMemberId,
                           java.util.Set<MemberId> electorate, Map<MemberId, OptionBallot> optionBallots,
                           Map<MemberId, String> reasons,
                           Map<MemberId, coop.plenum.governance.options.ConsentChoice> consentBallots,
                           OutcomeStatementView outcomeStatement,
                           Map<MemberId, coop.plenum.governance.options.RankedBallot> rankedBallots,
                           coop.plenum.governance.charter.DecisionRule decision,
                           Map<String, Integer> seats, List<CandidacyView> candidacies,
                           List<coop.plenum.governance.proposal.ElectionCandidate> candidates,
                           java.util.Set<MemberId> secretParticipants) {

    /** A page of an open-ballot vote (no secret participants). */
    public ProposalView(ProposalSummary summary, MemberId authorMemberId, String body, int revision,
                        List<RevisionView> revisions, List<CommentView> comments, Instant openedAt, Instant closedAt,
                        Map<String, Long> electorateByClass, Map<MemberId, Choice> ballots, MemberId effectMemberId,
                        java.util.Set<MemberId> electorate, Map<MemberId, OptionBallot> optionBallots,
                        Map<MemberId, String> reasons,
                        Map<MemberId, coop.plenum.governance.options.ConsentChoice> consentBallots,
                        OutcomeStatementView outcomeStatement,
                        Map<MemberId, coop.plenum.governance.options.RankedBallot> rankedBallots,
                        coop.plenum.governance.charter.DecisionRule decision,
                        Map<String, Integer> seats, List<CandidacyView> candidacies,
                        List<coop.plenum.governance.proposal.ElectionCandidate> candidates) {
        this(summary, authorMemberId, body, revision, revisions, comments, openedAt, closedAt, electorateByClass, ballots,
                effectMemberId, electorate, optionBallots, reasons, consentBallots, outcomeStatement, rankedBallots, decision,
                seats, candidacies, candidates, java.util.Set.of());
    }

    /** SECRET: whether this member's sealed ballot stands (who took part is public; what they chose is nowhere here). */
    public boolean tookPartInSecret(MemberId member) {
        return member != null && secretParticipants != null && secretParticipants.contains(member);
    }

    /** A page of any method but ELECTION (no seats, no candidates). */
    public ProposalView(ProposalSummary summary, MemberId authorMemberId, String body, int revision,
                        List<RevisionView> revisions, List<CommentView> comments, Instant openedAt, Instant closedAt,
                        Map<String, Long> electorateByClass, Map<MemberId, Choice> ballots, MemberId effectMemberId,
                        java.util.Set<MemberId> electorate, Map<MemberId, OptionBallot> optionBallots,
                        Map<MemberId, String> reasons,
                        Map<MemberId, coop.plenum.governance.options.ConsentChoice> consentBallots,
                        OutcomeStatementView outcomeStatement,
                        Map<MemberId, coop.plenum.governance.options.RankedBallot> rankedBallots,
                        coop.plenum.governance.charter.DecisionRule decision) {
        this(summary, authorMemberId, body, revision, revisions, comments, openedAt, closedAt, electorateByClass, ballots,
                effectMemberId, electorate, optionBallots, reasons, consentBallots, outcomeStatement, rankedBallots, decision,
                Map.of(), List.of(), List.of());
    }

    /** ELECTION, during deliberation: a standing nomination of {@code memberId} (by {@code nominatedBy}) for their class. */
    public record CandidacyView(MemberId memberId, String classId, MemberId nominatedBy, boolean accepted) {
    }

    /** A page without RANKED ballots or the pinned decision rule. */
    public ProposalView(ProposalSummary summary, MemberId authorMemberId, String body, int revision,
                        List<RevisionView> revisions, List<CommentView> comments, Instant openedAt, Instant closedAt,
                        Map<String, Long> electorateByClass, Map<MemberId, Choice> ballots, MemberId effectMemberId,
                        java.util.Set<MemberId> electorate, Map<MemberId, OptionBallot> optionBallots,
                        Map<MemberId, String> reasons,
                        Map<MemberId, coop.plenum.governance.options.ConsentChoice> consentBallots,
                        OutcomeStatementView outcomeStatement) {
        this(summary, authorMemberId, body, revision, revisions, comments, openedAt, closedAt, electorateByClass, ballots,
                effectMemberId, electorate, optionBallots, reasons, consentBallots, outcomeStatement, Map.of(), null);
    }

    /** The author's outcome statement as it stands (the latest recorded), with who recorded it and when. */
    public record OutcomeStatementView(String statement, MemberId recordedBy, Instant recordedAt) {
    }

    /**
     * The page as {@code reader} may see it: while the results are hidden ({@link ProposalSummary#resultsHidden()}),
     * only the reader's own ballot and reason remain (none for a reader who is not a member); otherwise all of it.
     */
    public ProposalView seenBy(MemberId reader) {
        if (!summary.resultsHidden()) {
            return this;
        }
        return new ProposalView(summary, authorMemberId, body, revision, revisions, comments, openedAt, closedAt,
                electorateByClass, onlyOf(ballots, reader), effectMemberId, electorate, onlyOf(optionBallots, reader),
                onlyOf(reasons, reader), onlyOf(consentBallots, reader), outcomeStatement, onlyOf(rankedBallots, reader),
                decision, seats, candidacies, candidates, secretParticipants);
    }

    private static <V> Map<MemberId, V> onlyOf(Map<MemberId, V> all, MemberId reader) {
        return reader == null || !all.containsKey(reader) ? Map.of() : Map.of(reader, all.get(reader));
    }

    public record RevisionView(int revision, String title, String body, Instant at) {
    }

    /** A comment; {@code replyTo} names the comment it answers, {@code null} for a top-level one. */
    public record CommentView(String commentId, MemberId memberId, String text, Instant at, String replyTo) {
    }
}
