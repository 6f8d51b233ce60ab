package coop.plenum.governance.proposal;

import coop.plenum.kernel.RuleViolation;

/** What became of one ballot of a {@link CastBallots}: recorded where, or refused why (exactly one is set). */
public record BallotOutcome(BallotRecorded recorded, RuleViolation refusal) {

    public BallotOutcome {
        if ((recorded == null) == (refusal == null)) {
            throw new IllegalArgumentException("a ballot is either recorded or refused");
        }
    }

    public static BallotOutcome recorded(BallotRecorded recorded) {
        return new BallotOutcome(recorded, null);
    }

    public static BallotOutcome refused(RuleViolation refusal) {
        return new BallotOutcome(null, refusal);
    }

    /** The recorded ballot, or the refusal thrown as a single {@link CastBallot} would have thrown it. */
    public BallotRecorded recordedOrThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return recorded;
    }
}
