package coop.plenum.governance.voting;

import coop.plenum.governance.ids.MemberId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Ballots" and "as of": the last ballot at or before the instant counts; a retraction takes it back. */
class BallotBoxPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    record History(List<BallotBox.LogEntry<String>> recorded, int asOfSecond, long shuffleSeed) {
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<String> ballot = Arbitraries.of("yes", "no", "abstain").injectNull(0.3);
        Arbitrary<List<int[]>> steps = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 3))
                .as((member, gap) -> new int[]{member, gap}).list().ofMaxSize(40);
        return Combinators.combine(steps, ballot.list().ofSize(40), Arbitraries.integers().between(-1, 80), Arbitraries.longs())
                .as((s, ballots, asOf, seed) -> {
                    List<BallotBox.LogEntry<String>> recorded = new ArrayList<>();
                    int second = 0;
                    for (int i = 0; i < s.size(); i++) {
                        second += s.get(i)[1];   // instants never go back, and several ballots may share one
                        recorded.add(new BallotBox.LogEntry<>(10L + 3L * i, T0.plusSeconds(second), new MemberId("m" + s.get(i)[0]),
                                ballots.get(i)));
                    }
                    return new History(recorded, asOf, seed);
                });
    }

    /** Each member's last record at or before the instant, in log order; counted when it is a ballot. */
    private static Map<MemberId, String> reference(List<BallotBox.LogEntry<String>> inLogOrder, Instant asOf) {
        Map<MemberId, String> last = new HashMap<>();
        for (BallotBox.LogEntry<String> r : inLogOrder) {
            if (!r.at().isAfter(asOf)) {
                last.put(r.memberId(), r.ballotOrNull());
            }
        }
        last.values().removeIf(java.util.Objects::isNull);
        return last;
    }

    @Property(tries = 2000)
    void theLastBallotAtOrBeforeTheInstantCountsWhateverOrderTheBallotsWereReadIn(@ForAll("histories") History h) {
        Instant asOf = T0.plusSeconds(h.asOfSecond());
        List<BallotBox.LogEntry<String>> delivered = new ArrayList<>(h.recorded());
        Collections.shuffle(delivered, new Random(h.shuffleSeed()));

        assertThat(BallotBox.asOf(delivered, asOf).ballots()).isEqualTo(reference(h.recorded(), asOf));
    }

    @Property(tries = 1000)
    void castingAndRetractingOneByOneEndsAsTheFoldOfTheWholeLog(@ForAll("histories") History h) {
        BallotBox<String> box = new BallotBox<>();
        h.recorded().forEach(r -> box.record(r.memberId(), r.ballotOrNull()));

        assertThat(box.ballots()).isEqualTo(BallotBox.asOf(h.recorded(), Instant.MAX).ballots())
                .isEqualTo(reference(h.recorded(), Instant.MAX));
    }

    @Test
    void aRecastKeepsTheMembersPlaceAndABallotCastAgainAfterARetractionComesLast() {
        MemberId ada = new MemberId("ada");
        MemberId ben = new MemberId("ben");
        BallotBox<String> box = new BallotBox<>();
        box.cast(ada, "yes");
        box.cast(ben, "no");
        box.cast(ada, "no");
        assertThat(box.ballots().keySet()).containsExactly(ada, ben);
        assertThat(box.retract(ada)).isTrue();
        assertThat(box.retract(ada)).as("nothing left to retract").isFalse();
        box.cast(ada, "abstain");
        assertThat(box.ballots().keySet()).containsExactly(ben, ada);
    }
}
