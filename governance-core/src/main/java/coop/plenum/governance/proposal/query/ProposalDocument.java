package coop.plenum.governance.proposal.query;

import coop.plenum.governance.cooperative.DecisionRule;
import coop.plenum.governance.cooperative.StakeholderClass;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Outcome;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A proposal with everything its pages and its tally need, including the frozen electorate and every ballot ever
 * cast or retracted (with its instant), so the tally can be recomputed as of any past instant.
 */
@Document("proposals")
record ProposalDocument(@Id String id, String cooperativeId, String authorMemberId, String authorAccountId, String title,
                        String body, String topic, ProposalKind kind, String effectMemberId, boolean amendsCharter,
                        ProposalState state, Outcome outcome, String approval, Instant votingOpensAt, Instant votingClosesAt,
                        Instant submittedAt, Instant openedAt, Instant closedAt, Instant executedAt, int revision,
                        List<Revision> revisions,
                        List<Comment> comments, List<StakeholderClass> classes, DecisionRule decision,
                        List<Elector> electorate, List<Ballot> ballots, List<Long> applied) {

    record Revision(int revision, String title, String body, Instant at) {
    }

    record Comment(String commentId, String memberId, String text, Instant at) {
    }

    record Elector(String memberId, String accountId, String classId, BigDecimal power) {
    }

    /** {@code choice} null: the ballot was retracted. */
    record Ballot(long sequence, String memberId, Choice choice, Instant at) {
    }
}
