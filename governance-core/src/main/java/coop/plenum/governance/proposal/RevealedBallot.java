package coop.plenum.governance.proposal;

import coop.plenum.governance.options.ConsentChoice;
import coop.plenum.governance.tally.Choice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One ballot of a closed secret vote, without its member: the voter's receipt {@code tag} (SHA-256 of the receipt
 * secret only the voter holds), the class and power it counts with, and the ballot's body as in {@link BallotCast}
 * ({@code choice} for YES_NO, {@code approve}, {@code scores}, {@code consent} with a CONSENT objection's
 * {@code reason}, {@code ranking}).
 */
public record RevealedBallot(String tag, String classId, BigDecimal power, Choice choice, List<String> approve,
                             Map<String, Integer> scores, ConsentChoice consent, String reason,
                             List<List<String>> ranking) {

    /** The ballot's body alone, as a {@link BallotCast} of a synthetic member, for the same counting code. */
    public BallotCast asBallotOf(coop.plenum.governance.ids.ProposalId proposalId, coop.plenum.governance.ids.MemberId member) {
        return new BallotCast(proposalId, member, choice, null, approve, scores, reason, consent, ranking);
    }
}
