package coop.plenum.governance.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReachTest {

    @Test
    void aTokenPastAPositionHasNotHandledItWhileThatPositionIsOneOfItsGaps() {
        // another writer's event 7 committed after 8 was read: read-your-writes for 7 must wait until it is handled
        Reach reach = Reach.of(GapAwareTrackingToken.newInstance(8, Set.of(7L)));
        assertThat(reach.covers(7)).isFalse();
        assertThat(reach.covers(6)).isTrue();
        assertThat(reach.covers(8)).isTrue();
        assertThat(reach.covers(9)).isFalse();
        assertThat(Reach.of(GapAwareTrackingToken.newInstance(9, Set.of())).covers(7)).isTrue();
    }

    @Test
    void tokensWithoutGapsAndWrappedTokensAndNoTokenAtAllReachWhereTheyStand() {
        assertThat(Reach.of(new GlobalSequenceTrackingToken(5)).covers(5)).isTrue();
        assertThat(Reach.of(null).covers(0)).isFalse();
        Reach replaying = Reach.of(ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(20, Set.of()),
                GapAwareTrackingToken.newInstance(4, Set.of(3L))));
        assertThat(replaying.covers(4)).isTrue();
        assertThat(replaying.covers(3)).isFalse();
        assertThat(replaying.covers(10)).isFalse();
    }

    @Test
    void whatIsSentToAnotherNodeReadsBackTheSame() {
        Reach reach = new Reach(40, Set.of(31L, 35L));
        assertThat(reach.text()).isEqualTo("40:31,35");
        assertThat(Reach.parse(reach.text())).isEqualTo(reach);
        assertThat(Reach.parse("12")).isEqualTo(new Reach(12, Set.of()));
    }

    @Test
    void withManyGapsOnlyTheRecentOnesAreSentAndOlderPositionsAreThenNotKnownToBeHandled() {
        // every append that lost a race to another node leaves a gap that never fills: a token can carry hundreds
        Set<Long> many = new TreeSet<>();
        LongStream.range(100, 200).map(p -> p * 2).forEach(many::add);   // 200, 202, …, 398
        Reach sent = Reach.parse(new Reach(500, many).text());
        assertThat(sent.gaps()).hasSize(Reach.MAX_GAPS_SENT - 1);
        assertThat(sent.covers(499)).isTrue();
        assertThat(sent.covers(397)).as("between two recent gaps").isTrue();
        assertThat(sent.covers(398)).as("a recent gap").isFalse();
        assertThat(sent.covers(201)).as("below the floor: not known").isFalse();
        assertThat(sent.covers(150)).as("below the floor: not known").isFalse();
    }

    @Test
    void theFurthestOfTwoSignalsAboutOneSegmentIsTheOneWithTheHigherIndex() {
        Reach earlier = new Reach(10, Set.of(9L));
        Reach later = new Reach(12, Set.of());
        assertThat(earlier.furthest(later)).isEqualTo(later);
        assertThat(later.furthest(earlier)).isEqualTo(later);
        assertThat(earlier.furthest(new Reach(10, Set.of()))).isEqualTo(new Reach(10, Set.of()));
    }
}
