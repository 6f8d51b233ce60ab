package coop.plenum.governance.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How far a processor segment has handled the log: up to {@code index}, except the positions in {@code gaps}. A gap
 * is an event the segment's reader passed over because its transaction had not committed yet (another writer's,
 * often another node's); the segment handles it once it appears. So "the token's position is at or past P" does not
 * mean "P was handled": P may be one of the gaps. Rolled-back appends leave gaps that never fill, which is why a wait
 * asks about its own positions only ({@link #covers}), never about everything below them.
 */
record Reach(long index, Set<Long> gaps) {

    static final Reach NOTHING = new Reach(-1, Set.of());
    /** More gaps than this are not sent between nodes: the reach is then stated as just below the lowest gap. */
    private static final int MAX_GAPS_SENT = 64;

    Reach {
        gaps = Set.copyOf(gaps);
    }

    static Reach of(TrackingToken token) {
        if (token == null) {
            return NOTHING;
        }
        Optional<GapAwareTrackingToken> gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isPresent()) {
            return new Reach(gapAware.get().getIndex(), gapAware.get().getGaps());
        }
        return new Reach(token.position().orElse(-1), Set.of());
    }

    /** Whether the event at {@code position} has been handled. */
    boolean covers(long position) {
        return position <= index && !gaps.contains(position);
    }

    /** The further of the two: a segment's reach only grows, but signals about it may arrive out of order. */
    Reach furthest(Reach other) {
        if (other == null || other.index < index) {
            return this;
        }
        if (other.index > index) {
            return other;
        }
        // the same index: the one with fewer gaps was read later
        return gaps.size() <= other.gaps.size() ? this : other;
    }

    /** As sent to other nodes: {@code index} or {@code index:gap,gap,…}. */
    String text() {
        if (gaps.isEmpty()) {
            return Long.toString(index);
        }
        SortedSet<Long> sorted = new TreeSet<>(gaps);
        if (sorted.size() > MAX_GAPS_SENT) {
            return Long.toString(sorted.first() - 1);
        }
        return index + ":" + sorted.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static Reach parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new Reach(Long.parseLong(text), Set.of());
        }
        Set<Long> gaps = new TreeSet<>();
        for (String gap : text.substring(colon + 1).split(",")) {
            gaps.add(Long.parseLong(gap));
        }
        return new Reach(Long.parseLong(text.substring(0, colon)), gaps);
    }
}
