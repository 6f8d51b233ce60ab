package coop.plenum.governance.voting;

import coop.plenum.governance.ids.MemberId;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * SPEC "Ballots": the last ballot of each member counts, and a retraction takes it back (falling back to delegation).
 * Kept in the order members first cast (a recast keeps its place; a ballot cast again after a retraction comes last),
 * which is the order every reader has always listed them in. {@code B} is the voting method's ballot type.
 */
public final class BallotBox<B> {

    /** One ballot ({@code ballotOrNull} set) or retraction, with its place in the proposal's log and its instant. */
    public record LogEntry<B>(long sequence, Instant at, MemberId memberId, B ballotOrNull) {
    }

    private final Map<MemberId, B> ballots = new LinkedHashMap<>();

    public void cast(MemberId member, B ballot) {
        ballots.put(Objects.requireNonNull(member, "member"), Objects.requireNonNull(ballot, "ballot"));
    }

    /** Takes the member's ballot back; false when they had none. */
    public boolean retract(MemberId member) {
        return ballots.remove(member) != null;
    }

    /** A ballot, or a retraction when {@code ballotOrNull} is null. */
    public void record(MemberId member, B ballotOrNull) {
        if (ballotOrNull == null) {
            retract(member);
        } else {
            cast(member, ballotOrNull);
        }
    }

    /** Forgets every ballot (a state restored from a snapshot replaces it). */
    public void clear() {
        ballots.clear();
    }

    public boolean hasBallot(MemberId member) {
        return ballots.containsKey(member);
    }

    /** Each member's last ballot, read-only. */
    public Map<MemberId, B> ballots() {
        return Collections.unmodifiableMap(ballots);
    }

    /** SPEC "as of T": every ballot and retraction at or before the instant, in log order, whatever order they were read in. */
    public static <B> BallotBox<B> asOf(Collection<LogEntry<B>> recorded, Instant instant) {
        BallotBox<B> box = new BallotBox<>();
        recorded.stream()
                .filter(r -> !r.at().isAfter(instant))
                .sorted(Comparator.comparingLong(LogEntry::sequence))
                .forEach(r -> box.record(r.memberId(), r.ballotOrNull()));
        return box;
    }
}
