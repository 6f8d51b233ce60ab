package coop.plenum.governance.proposal.query;

import coop.plenum.governance.tally.Choice;

import java.time.Instant;

/**
 * One ballot event of a proposal as the tallies read it ({@link ProposalBallots} stores it in pages), named
 * {@code proposalId|sequence}. {@code choice} and {@code scores} null: the
 * ballot was retracted, unless {@code sealed}: a secret vote's ballot, of which only who cast it and when is here.
 */
record BallotDocument(String id, String proposalId, long sequence, String memberId, Choice choice, Instant at,
                      java.util.Map<String, Integer> scores, String reason,
                      coop.plenum.governance.options.ConsentChoice consent, java.util.List<java.util.List<String>> ranking,
                      boolean sealed) {

    boolean retracted() {
        return choice == null && scores == null && consent == null && ranking == null && !sealed;
    }

    /** The ballot of a RANKED vote, or {@code null}. */
    coop.plenum.governance.options.RankedBallot rankedBallot() {
        return ranking == null ? null : new coop.plenum.governance.options.RankedBallot(ranking);
    }

    /** The ballot of a CONSENT vote, or {@code null}. */
    coop.plenum.governance.options.ConsentBallot consentBallot() {
        return consent == null ? null : new coop.plenum.governance.options.ConsentBallot(consent, reason);
    }

    /** The ballot of an option method, or {@code null} (a YES_NO ballot, or a retraction). */
    coop.plenum.governance.options.OptionBallot optionBallot() {
        return scores == null ? null : new coop.plenum.governance.options.OptionBallot(scores);
    }

    static String key(String proposalId, long sequence) {
        return proposalId + "|" + sequence;
    }
}
