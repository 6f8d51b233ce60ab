package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.options.ConsentChoice;
import coop.plenum.governance.tally.Choice;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member of the electorate votes, or changes their vote (the last one counts). The body depends on the method:
 * {@code choice} for YES_NO, {@code approve} for APPROVAL, {@code scores} for SCORE, {@code consent} for CONSENT,
 * {@code ranking} (groups of option ids, best first) for RANKED; a {@code reason} may accompany any (an objection needs one).
 * In a secret vote {@code receiptTag} is the hex SHA-256 tag of the voter's receipt secret ({@code ReceiptTags}),
 * computed at the edge so that the secret itself never reaches the aggregate; it is sealed with the ballot.
 */
public record CastBallot(@TargetAggregateIdentifier ProposalId proposalId, MemberId memberId, Choice choice,
                         List<String> approve, Map<String, Integer> scores, String reason, ConsentChoice consent,
                         List<List<String>> ranking, String receiptTag) {

    /** A ballot of an open vote, or any ballot before secret ballots. */
    public CastBallot(ProposalId proposalId, MemberId memberId, Choice choice, List<String> approve,
                      Map<String, Integer> scores, String reason, ConsentChoice consent, List<List<String>> ranking) {
        this(proposalId, memberId, choice, approve, scores, reason, consent, ranking, null);
    }

    public CastBallot(ProposalId proposalId, MemberId memberId, Choice choice, List<String> approve,
                      Map<String, Integer> scores, String reason, ConsentChoice consent) {
        this(proposalId, memberId, choice, approve, scores, reason, consent, null);
    }

    /** A YES_NO ballot without a reason. */
    public CastBallot(ProposalId proposalId, MemberId memberId, Choice choice) {
        this(proposalId, memberId, choice, null, null, null, null, null);
    }

    /** A ballot of any method but CONSENT. */
    public CastBallot(ProposalId proposalId, MemberId memberId, Choice choice, List<String> approve,
                      Map<String, Integer> scores, String reason) {
        this(proposalId, memberId, choice, approve, scores, reason, null, null);
    }
}
