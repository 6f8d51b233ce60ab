package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;

/**
 * What casting a ballot answers: where in the proposal's history its {@link BallotCast} was recorded. The pair
 * (proposal, sequence number) names exactly one stored event, so a receipt can be made for that ballot and no other
 * even while other ballots arrive. {@code sealed}: the ballot is a {@link SecretBallotCast} of a secret vote, and
 * the caller hands the voter their receipt secret.
 */
public record BallotRecorded(ProposalId proposalId, long sequenceNumber, boolean sealed) {

    /** A ballot of an open vote (a {@link BallotCast}). */
    public BallotRecorded(ProposalId proposalId, long sequenceNumber) {
        this(proposalId, sequenceNumber, false);
    }
}
