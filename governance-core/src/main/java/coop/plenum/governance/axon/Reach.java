package coop.plenum.governance.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How far a processor segment has handled the log: up to {@code index}, except the positions in {@code gaps}. A gap
 * is an event the segment's reader passed over because its transaction had not committed yet (another writer's,
 * often another node's); the segment handles it once it appears. So "the token's position is at or past P" does not
 * mean "P was handled": P may be one of the gaps. Rolled-back appends leave gaps that never fill, which is why a wait
 * asks about its own positions only ({@link #covers}), never about everything below them.
 */
record Reach(long index, Set<Long> gaps, long floor) {

    static final Reach NOTHING = new Reach(-1, Set.of());
    /**
     * At most this many of the most recent gaps are sent between nodes. Every append that lost a race to another node
     * leaves a gap that never fills (until Axon forgets gaps after a minute), so a token can carry hundreds; a wait
     * only ever asks about recent positions (its own command's events).
     */
    static final int MAX_GAPS_SENT = 64;

    Reach {
        gaps = Set.copyOf(gaps);
    }

    /** Knows every position up to {@code index}. */
    Reach(long index, Set<Long> gaps) {
        this(index, gaps, -1);
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

    /** Whether the event at {@code position} has been handled (not known below {@code floor}: answered no). */
    boolean covers(long position) {
        return position > floor && position <= index && !gaps.contains(position);
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

    /**
     * As sent to other nodes: {@code index}, or {@code index:gap,gap,…}, with {@code ;floor} when older gaps were left
     * out (positions at or below the floor are then not known).
     */
    String text() {
        if (gaps.isEmpty()) {
            return floor < 0 ? Long.toString(index) : index + ":;" + floor;
        }
        List<Long> sorted = new ArrayList<>(new TreeSet<>(gaps));
        long sentFloor = floor;
        if (sorted.size() > MAX_GAPS_SENT) {
            sorted = sorted.subList(sorted.size() - MAX_GAPS_SENT, sorted.size());
            sentFloor = Math.max(floor, sorted.get(0) - 1);
            sorted = sorted.subList(1, sorted.size());
        }
        String text = index + ":" + sorted.stream().map(String::valueOf).collect(Collectors.joining(","));
        return sentFloor < 0 ? text : text + ";" + sentFloor;
    }

    static Reach parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new Reach(Long.parseLong(text), Set.of());
        }
        String rest = text.substring(colon + 1);
        long floor = -1;
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) {
            floor = Long.parseLong(rest.substring(semicolon + 1));
            rest = rest.substring(0, semicolon);
        }
        Set<Long> gaps = new TreeSet<>();
        for (String gap : rest.split(",")) {
            if (!gap.isEmpty()) {
                gaps.add(Long.parseLong(gap));
            }
        }
        return new Reach(Long.parseLong(text.substring(0, colon)), gaps, floor);
    }
}
