package coop.plenum.governance.proposal;

/**
 * SPEC "Voting methods", {@code secrecy}: whether what a member chose is ever in the log in clear. Pinned in
 * {@code VotingOpened}; events stored before secrecy existed carry none, which means {@link #OPEN}.
 */
public enum Secrecy {
    /** Ballots are recorded in clear (BallotCast), as every ballot was before secret ballots. */
    OPEN,
    /**
     * Ballots are recorded sealed under a per-vote key kept outside the log ({@link SecretBallotCast}); at close they
     * are revealed without their members ({@link SecretBallotsRevealed}) and the key is destroyed. Delegation is off.
     */
    SECRET;

    public static Secrecy orDefault(Secrecy secrecy) {
        return secrecy == null ? OPEN : secrecy;
    }

    public boolean isSecret() {
        return this == SECRET;
    }
}
