package coop.plenum.governance.options;

/**
 * SPEC "Voting methods": how a proposal is decided, pinned when voting opens. Events stored before methods existed
 * carry none, which means {@link #YES_NO} ({@link #orDefault}).
 */
public enum VoteMethod {
    /** SPEC "Tally": YES / NO / ABSTAIN against a threshold. */
    YES_NO(0),
    /** A ballot is the set of options the member approves. */
    APPROVAL(1),
    /** A ballot scores options 0–5; an unscored option scores 0. */
    SCORE(5),
    /** CONSENT, STAND_ASIDE or OBJECT (with a reason); any objection standing at close rejects. */
    CONSENT(0),
    /** A ballot ranks options (ties allowed, unranked below ranked); Schulze decides. */
    RANKED(0),
    /**
     * A board election: seats per class, candidates nominated during deliberation, each class's members rank their
     * own class's candidates (a {@code ranking} of single candidates) and Meek STV elects each class's seats.
     * Not delegable.
     */
    ELECTION(0),
    /**
     * Participatory budgeting: options are projects with costs, the proposal has a budget, a ballot is the set of
     * projects the member approves; the Method of Equal Shares decides what is funded.
     */
    BUDGET(1);

    private final int maxScore;

    VoteMethod(int maxScore) {
        this.maxScore = maxScore;
    }

    public static VoteMethod orDefault(VoteMethod method) {
        return method == null ? YES_NO : method;
    }

    /** Whether the proposal offers options to choose between (APPROVAL, SCORE, RANKED, BUDGET). */
    public boolean hasOptions() {
        return this == APPROVAL || this == SCORE || this == RANKED || this == BUDGET;
    }

    /** Whether ballots score options (APPROVAL, SCORE), so that {@link OptionMethod} counts them. */
    public boolean isScored() {
        return this == APPROVAL || this == SCORE;
    }

    /** The highest score one option may get on a ballot (1 for approval: approved or not). */
    public int maxScore() {
        return maxScore;
    }
}
