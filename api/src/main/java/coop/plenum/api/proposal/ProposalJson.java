package coop.plenum.api.proposal;

import com.fasterxml.jackson.annotation.JsonInclude;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.governance.proposal.query.ProposalView;

import coop.plenum.governance.ids.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The proposal shape clients rely on (SPEC "HTTP API"); the detail adds text, revisions, comments, electorate and ballots
 * ({@code ballots} of YES_NO, {@code optionBallots}, {@code consentBallots}, {@code rankedBallots} as groups of option
 * ids from most preferred; while an AFTER_CLOSE vote is open: only the caller's own), and the author's outcome
 * statement once recorded.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ProposalJson(String proposalId, String title, String topic, String kind, String state, String outcome,
                           Instant votingOpensAt, Instant votingClosesAt, Instant submittedAt,
                           String body, String authorMemberId, Integer revision, List<ProposalView.RevisionView> revisions,
                           List<CommentJson> comments, Instant openedAt, Instant closedAt,
                           Map<String, Long> electorateByClass, Map<String, String> ballots, String effectMemberId,
                           String method, List<OptionJson> options, List<String> winners,
                           Map<String, Map<String, Integer>> optionBallots, Map<String, String> reasons,
                           Map<String, String> consentBallots, String visibility, OutcomeStatementJson outcomeStatement,
                           Map<String, List<List<String>>> rankedBallots, Map<String, Integer> seats,
                           List<CandidacyJson> candidacies, List<CandidateJson> candidates,
                           BudgetJson budget,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "SECRET: ballots sealed until close, then "
                                   + "revealed without their members (GET …/revealed-ballots); absent: OPEN", nullable = true)
                           String secrecy,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "SECRET: the members whose sealed ballot "
                                   + "stands (who took part is public; what they chose is never here)", nullable = true)
                           List<String> secretParticipants) {

    /** The shape before secret participants. */
    public ProposalJson(String proposalId, String title, String topic, String kind, String state, String outcome,
                        Instant votingOpensAt, Instant votingClosesAt, Instant submittedAt,
                        String body, String authorMemberId, Integer revision, List<ProposalView.RevisionView> revisions,
                        List<CommentJson> comments, Instant openedAt, Instant closedAt,
                        Map<String, Long> electorateByClass, Map<String, String> ballots, String effectMemberId,
                        String method, List<OptionJson> options, List<String> winners,
                        Map<String, Map<String, Integer>> optionBallots, Map<String, String> reasons,
                        Map<String, String> consentBallots, String visibility, OutcomeStatementJson outcomeStatement,
                        Map<String, List<List<String>>> rankedBallots, Map<String, Integer> seats,
                        List<CandidacyJson> candidacies, List<CandidateJson> candidates, BudgetJson budget, String secrecy) {
        this(proposalId, title, topic, kind, state, outcome, votingOpensAt, votingClosesAt, submittedAt, body,
                authorMemberId, revision, revisions, comments, openedAt, closedAt, electorateByClass, ballots, effectMemberId,
                method, options, winners, optionBallots, reasons, consentBallots, visibility, outcomeStatement, rankedBallots,
                seats, candidacies, candidates, budget, secrecy, null);
    }

    /** The shape before secret ballots. */
    public ProposalJson(String proposalId, String title, String topic, String kind, String state, String outcome,
                        Instant votingOpensAt, Instant votingClosesAt, Instant submittedAt,
                        String body, String authorMemberId, Integer revision, List<ProposalView.RevisionView> revisions,
                        List<CommentJson> comments, Instant openedAt, Instant closedAt,
                        Map<String, Long> electorateByClass, Map<String, String> ballots, String effectMemberId,
                        String method, List<OptionJson> options, List<String> winners,
                        Map<String, Map<String, Integer>> optionBallots, Map<String, String> reasons,
                        Map<String, String> consentBallots, String visibility, OutcomeStatementJson outcomeStatement,
                        Map<String, List<List<String>>> rankedBallots, Map<String, Integer> seats,
                        List<CandidacyJson> candidacies, List<CandidateJson> candidates, BudgetJson budget) {
        this(proposalId, title, topic, kind, state, outcome, votingOpensAt, votingClosesAt, submittedAt, body,
                authorMemberId, revision, revisions, comments, openedAt, closedAt, electorateByClass, ballots, effectMemberId,
                method, options, winners, optionBallots, reasons, consentBallots, visibility, outcomeStatement, rankedBallots,
                seats, candidacies, candidates, budget, null, null);
    }

    /** The shape before ELECTION: no seats, candidacies or candidates. */
    public ProposalJson(String proposalId, String title, String topic, String kind, String state, String outcome,
                        Instant votingOpensAt, Instant votingClosesAt, Instant submittedAt,
                        String body, String authorMemberId, Integer revision, List<ProposalView.RevisionView> revisions,
                        List<CommentJson> comments, Instant openedAt, Instant closedAt,
                        Map<String, Long> electorateByClass, Map<String, String> ballots, String effectMemberId,
                        String method, List<OptionJson> options, List<String> winners,
                        Map<String, Map<String, Integer>> optionBallots, Map<String, String> reasons,
                        Map<String, String> consentBallots, String visibility, OutcomeStatementJson outcomeStatement,
                        Map<String, List<List<String>>> rankedBallots) {
        this(proposalId, title, topic, kind, state, outcome, votingOpensAt, votingClosesAt, submittedAt, body,
                authorMemberId, revision, revisions, comments, openedAt, closedAt, electorateByClass, ballots, effectMemberId,
                method, options, winners, optionBallots, reasons, consentBallots, visibility, outcomeStatement, rankedBallots,
                null, null, null, null);
    }

    /** ELECTION, during deliberation: a nomination of {@code memberId} by {@code nominatedBy}, accepted or not yet. */
    public record CandidacyJson(String memberId, String classId, String nominatedBy, boolean accepted) {
    }

    /** ELECTION, from opening: a candidate standing for their class (the pinned order breaks ties that never differed). */
    public record CandidateJson(String memberId, String classId) {
    }

    /** A BUDGET proposal's budget: the amount (a decimal string) and its currency. */
    public record BudgetJson(String amount, String currency) {
    }

    private static BudgetJson budget(ProposalSummary s) {
        return s.budget() == null ? null : new BudgetJson(s.budget().amount().toPlainString(), s.budget().currency());
    }

    /** The author's outcome statement as it stands (the latest recorded). */
    public record OutcomeStatementJson(String statement, String recordedBy, Instant recordedAt) {
    }

    private static OutcomeStatementJson outcomeStatement(ProposalView v) {
        return v.outcomeStatement() == null ? null : new OutcomeStatementJson(v.outcomeStatement().statement(),
                v.outcomeStatement().recordedBy().value(), v.outcomeStatement().recordedAt());
    }

    /** An option of an option proposal; a BUDGET proposal's projects have their {@code cost} (a decimal string). */
    public record OptionJson(String id, String label, String cost) {
    }

    private static List<OptionJson> options(ProposalSummary s) {
        return s.options().isEmpty() ? null : s.options().stream().map(o -> new OptionJson(o.id(), o.label(),
                o.cost() == null ? null : o.cost().toPlainString())).toList();
    }

    private static List<String> winners(ProposalSummary s) {
        return s.winners().isEmpty() ? null : s.winners();
    }

    public record CommentJson(String commentId, String memberId, String text, Instant at,
                              @io.swagger.v3.oas.annotations.media.Schema(description = "the comment this one answers; absent for a top-level comment", nullable = true)
                              String replyTo) {
    }

    static ProposalJson summary(ProposalSummary s) {
        return new ProposalJson(s.proposalId().value(), s.title(), s.topic(), s.kind().name(), s.state().name(),
                s.outcome() == null ? null : s.outcome().name(), s.votingOpensAt(), s.votingClosesAt(), s.submittedAt(),
                null, null, null, null, null, null, null, null, null, null, s.method().name(), options(s), winners(s), null, null, null,
                s.visibility().name(), null, null, null, null, null, budget(s), secrecy(s));
    }

    static ProposalJson detail(ProposalView v) {
        ProposalSummary s = v.summary();
        return new ProposalJson(s.proposalId().value(), s.title(), s.topic(), s.kind().name(), s.state().name(),
                s.outcome() == null ? null : s.outcome().name(), s.votingOpensAt(), s.votingClosesAt(), s.submittedAt(),
                v.body(), v.authorMemberId().value(), v.revision(), v.revisions(),
                v.comments().stream().map(c -> new CommentJson(c.commentId(), c.memberId().value(), c.text(), c.at(), c.replyTo())).toList(),
                v.openedAt(), v.closedAt(), v.electorateByClass(),
                v.ballots().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().value(), e -> e.getValue().name(),
                        (a, b) -> b, java.util.LinkedHashMap::new)),
                v.effectMemberId() == null ? null : v.effectMemberId().value(), s.method().name(), options(s), winners(s),
                v.optionBallots().isEmpty() ? null : v.optionBallots().entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().value(), e -> e.getValue().scores(), (a, b) -> b, java.util.LinkedHashMap::new)),
                v.reasons().isEmpty() ? null : v.reasons().entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().value(), Map.Entry::getValue, (a, b) -> b, java.util.LinkedHashMap::new)),
                v.consentBallots().isEmpty() ? null : v.consentBallots().entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().value(), e -> e.getValue().name(), (a, b) -> b, java.util.LinkedHashMap::new)),
                s.visibility().name(), outcomeStatement(v),
                v.rankedBallots().isEmpty() ? null : v.rankedBallots().entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().value(), e -> e.getValue().ranking(), (a, b) -> b, java.util.LinkedHashMap::new)),
                v.seats().isEmpty() ? null : new java.util.TreeMap<>(v.seats()),
                s.method() != coop.plenum.governance.options.VoteMethod.ELECTION ? null : v.candidacies().stream()
                        .map(c -> new CandidacyJson(c.memberId().value(), c.classId(), c.nominatedBy().value(), c.accepted())).toList(),
                s.method() != coop.plenum.governance.options.VoteMethod.ELECTION || v.openedAt() == null ? null : v.candidates().stream()
                        .map(c -> new CandidateJson(c.memberId().value(), c.classId())).toList(),
                budget(s), secrecy(s), s.secret() ? v.secretParticipants().stream().map(MemberId::value).toList() : null);
    }

    private static String secrecy(ProposalSummary s) {
        return s.secret() ? coop.plenum.governance.proposal.Secrecy.SECRET.name() : null;
    }
}
