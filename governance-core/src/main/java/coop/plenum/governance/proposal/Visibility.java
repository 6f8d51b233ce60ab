package coop.plenum.governance.proposal;

/**
 * SPEC "Voting methods": who sees ballots and running results while a vote is open, pinned in {@code VotingOpened}
 * with the method. Events stored before visibility existed carry none, which means {@link #PUBLIC} ({@link #orDefault}).
 */
public enum Visibility {
    /** Ballots and the live tally are visible to the cooperative's members while voting (delegates are accountable). */
    PUBLIC,
    /**
     * Ballots and the live tally are hidden until the vote closes; participation per class is shown. A member still
     * sees their own ballot and receipt.
     */
    AFTER_CLOSE;

    public static Visibility orDefault(Visibility visibility) {
        return visibility == null ? PUBLIC : visibility;
    }

    /** Whether a proposal in this state hides its ballots and running results now: only while voting is open. */
    public boolean hidesResultsIn(ProposalState state) {
        return this == AFTER_CLOSE && state == ProposalState.VOTING;
    }
}
