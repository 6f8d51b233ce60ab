package coop.plenum.governance.proposal.query;

import coop.plenum.governance.tally.Choice;

import java.time.Instant;

/**
 * One ballot event of a proposal as the tallies read it ({@link ProposalBallots} stores it in pages), named
 * {@code proposalId|sequence}. {@code choice} null: the ballot was retracted.
 */
record BallotDocument(String id, String proposalId, long sequence, String memberId, Choice choice, Instant at) {

    static String key(String proposalId, long sequence) {
        return proposalId + "|" + sequence;
    }
}
