package coop.plenum.governance.voting;

import java.util.List;

/**
 * What a voting method decides, apart from everything all methods share (the electorate, "the last ballot counts",
 * delegation chains, power in the member's own class, exact sums, per-class participation): the ballot type; how
 * one counted ballot adds to its class's sums ({@link #count}); what a delegated ballot counts as; and how the
 * classes' sums combine into the outcome and its explanation ({@link #result}). {@link VoteCount} does the rest,
 * incrementally, for every method alike.
 *
 * @param <B> the ballot
 * @param <R> the result: the outcome with its explanation (per-class figures, and whatever else the method reports)
 */
public interface VotingMethod<B, R> {

    Class<B> ballotType();

    /** How many power sums each class keeps for this method, besides the participating power the count keeps itself. */
    int sums();

    /** The largest multiplier {@link #count} ever applies, so the count can tell whether exact sums fit in a long. */
    default long largestMultiplier() {
        return 1;
    }

    /**
     * Per-class counting: adds one counted ballot to its class's sums through {@code into}, which multiplies by the
     * member's power (and takes it away again when the ballot stops counting).
     */
    void count(B ballot, Sums into);

    /**
     * One ballot in the form {@link #countCompiled} reads fastest. Called once when a ballot is recorded, not once per
     * member it counts for: a ballot with a thousand delegators behind it is counted a thousand times (at a million
     * members, looking option ids up in each ballot's map took 84 % of an APPROVAL count). The ballot itself by default.
     */
    default Object compile(B ballot) {
        return ballot;
    }

    /** {@link #count} of a ballot {@link #compile}d by this method. */
    @SuppressWarnings("unchecked")
    default void countCompiled(Object compiled, Sums into) {
        count((B) compiled, into);
    }

    /** What a ballot counts as for a member who delegated to its caster; the ballot itself unless the method says otherwise. */
    default B asDelegated(B ballot) {
        return ballot;
    }

    /** Combining the classes (in the electorate's order), the outcome and its explanation. */
    R result(Electorate electorate, List<ClassSums> classes);

    /** Where {@link #count} adds. */
    interface Sums {
        /** Adds the member's power times {@code multiplier} (0 or more) to sum {@code sum} of the member's class. */
        void add(int sum, long multiplier);
    }
}
