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
 * EVERY_CLASS's pass line.
 */
public record ProposalView(ProposalSummary summary, MemberId authorMemberId, String body, int revision,
                           List<RevisionView> revisions, List<CommentView> comments, Instant openedAt, Instant closedAt,
                           Map<String, Long> electorateByClass, Map<MemberId, Choice> ballots, MemberId effectMemberId,
                           java.util.Set<MemberId> electorate, Map<MemberId, OptionBallot> optionBallots,
                           Map<MemberId, String> reasons,
                           Map<MemberId, coop.plenum.governance.options.ConsentChoice> consentBallots,
                           Map<MemberId, coop.plenum.governance.options.RankedBallot> rankedBallots,
                           coop.plenum.governance.charter.DecisionRule decision) {

    public ProposalView(ProposalSummary summary, MemberId authorMemberId, String body, int revision,
                        List<RevisionView> revisions, List<CommentView> comments, Instant openedAt, Instant closedAt,
                        Map<String, Long> electorateByClass, Map<MemberId, Choice> ballots, MemberId effectMemberId,
                        java.util.Set<MemberId> electorate, Map<MemberId, OptionBallot> optionBallots,
                        Map<MemberId, String> reasons,
                        Map<MemberId, coop.plenum.governance.options.ConsentChoice> consentBallots) {
        this(summary, authorMemberId, body, revision, revisions, comments, openedAt, closedAt, electorateByClass, ballots,
                effectMemberId, electorate, optionBallots, reasons, consentBallots, Map.of(), null);
    }

    public record RevisionView(int revision, String title, String body, Instant at) {
    }

    public record CommentView(String commentId, MemberId memberId, String text, Instant at) {
    }
}
