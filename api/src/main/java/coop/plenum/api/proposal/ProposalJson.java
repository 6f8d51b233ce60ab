package coop.plenum.api.proposal;

import com.fasterxml.jackson.annotation.JsonInclude;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.governance.proposal.query.ProposalView;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The proposal shape clients rely on (SPEC "HTTP API"); the detail adds text, revisions, comments, electorate and ballots. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ProposalJson(String proposalId, String title, String topic, String kind, String state, String outcome,
                           Instant votingOpensAt, Instant votingClosesAt, Instant submittedAt,
                           String body, String authorMemberId, Integer revision, List<ProposalView.RevisionView> revisions,
                           List<CommentJson> comments, Instant openedAt, Instant closedAt,
                           Map<String, Long> electorateByClass, Map<String, String> ballots, String effectMemberId) {

    public record CommentJson(String commentId, String memberId, String text, Instant at) {
    }

    static ProposalJson summary(ProposalSummary s) {
        return new ProposalJson(s.proposalId().value(), s.title(), s.topic(), s.kind().name(), s.state().name(),
                s.outcome() == null ? null : s.outcome().name(), s.votingOpensAt(), s.votingClosesAt(), s.submittedAt(),
                null, null, null, null, null, null, null, null, null, null);
    }

    static ProposalJson detail(ProposalView v) {
        ProposalSummary s = v.summary();
        return new ProposalJson(s.proposalId().value(), s.title(), s.topic(), s.kind().name(), s.state().name(),
                s.outcome() == null ? null : s.outcome().name(), s.votingOpensAt(), s.votingClosesAt(), s.submittedAt(),
                v.body(), v.authorMemberId().value(), v.revision(), v.revisions(),
                v.comments().stream().map(c -> new CommentJson(c.commentId(), c.memberId().value(), c.text(), c.at())).toList(),
                v.openedAt(), v.closedAt(), v.electorateByClass(),
                v.ballots().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().value(), e -> e.getValue().name(),
                        (a, b) -> b, java.util.LinkedHashMap::new)),
                v.effectMemberId() == null ? null : v.effectMemberId().value());
    }
}
