package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Choice;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member of the electorate votes, or changes their vote (the last one counts). The body depends on the method:
 * {@code choice} for YES_NO, {@code approve} for APPROVAL, {@code scores} for SCORE; a {@code reason} may accompany any.
 */
public record CastBallot(@TargetAggregateIdentifier ProposalId proposalId, MemberId memberId, Choice choice,
                         List<String> approve, Map<String, Integer> scores, String reason) {

    /** A YES_NO ballot without a reason. */
    public CastBallot(ProposalId proposalId, MemberId memberId, Choice choice) {
        this(proposalId, memberId, choice, null, null, null);
    }
}
