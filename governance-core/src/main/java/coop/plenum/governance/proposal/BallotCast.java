package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Choice;

import coop.plenum.governance.options.ConsentBallot;
import coop.plenum.governance.options.ConsentChoice;
import coop.plenum.governance.options.OptionBallot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A fact: a member of the electorate voted (replacing any earlier ballot of theirs): {@code choice} in a YES_NO vote,
 * {@code approve} in an APPROVAL vote, {@code scores} in a SCORE vote, {@code consent} in a CONSENT vote,
 * {@code ranking} in a RANKED vote, with the member's {@code reason} if they gave one.
 * Ballots stored before voting methods carry only a choice.
 */
public record BallotCast(ProposalId proposalId, MemberId memberId, Choice choice, Instant castAt,
                         List<String> approve, Map<String, Integer> scores, String reason, ConsentChoice consent,
                         List<List<String>> ranking) {

    public BallotCast(ProposalId proposalId, MemberId memberId, Choice choice, Instant castAt, List<String> approve,
                      Map<String, Integer> scores, String reason, ConsentChoice consent) {
        this(proposalId, memberId, choice, castAt, approve, scores, reason, consent, null);
    }

    /**
     * The ballot of any method but YES_NO in words, for people ({@code "approve solar, wind"}, {@code "scores
     * solar=5 wind=2"}, {@code "OBJECT"}, {@code "wind > solar = none"}); {@code null} for a YES_NO ballot.
     */
    public String summary() {
        if (approve != null) {
            return "approve " + String.join(", ", approve);
        }
        if (scores != null) {
            return "scores " + new java.util.TreeMap<>(scores).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(" "));
        }
        if (consent != null) {
            return consent.name();
        }
        if (ranking != null) {
            return ranking.stream().map(g -> String.join(" = ", g)).collect(java.util.stream.Collectors.joining(" > "));
        }
        return null;
    }

    /** The ballot of a RANKED vote, or {@code null}. */
    public coop.plenum.governance.options.RankedBallot rankedBallot() {
        return ranking == null ? null : new coop.plenum.governance.options.RankedBallot(ranking);
    }

    /** A YES_NO ballot without a reason, as every ballot was before voting methods. */
    public BallotCast(ProposalId proposalId, MemberId memberId, Choice choice, Instant castAt) {
        this(proposalId, memberId, choice, castAt, null, null, null, null, null);
    }

    /** A ballot of any method but CONSENT. */
    public BallotCast(ProposalId proposalId, MemberId memberId, Choice choice, Instant castAt, List<String> approve,
                      Map<String, Integer> scores, String reason) {
        this(proposalId, memberId, choice, castAt, approve, scores, reason, null, null);
    }

    /** The ballot of a CONSENT vote, or {@code null}. */
    public ConsentBallot consentBallot() {
        return consent == null ? null : new ConsentBallot(consent, reason);
    }

    /** The ballot of an option method ({@code approve} or {@code scores}), or {@code null} for a YES_NO ballot. */
    public OptionBallot optionBallot() {
        if (approve != null) {
            return OptionBallot.approving(approve);
        }
        return scores == null ? null : new OptionBallot(scores);
    }
}
