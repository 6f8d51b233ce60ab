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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "Who delegates to whom as of T": one fold, whether the aggregate, a read model or a live tally applies it. */
class DelegationTimelinePropertiesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final List<String> SCOPES = List.of(Delegations.GLOBAL, "energy", "finance");

    record History(List<DelegationTimeline.Change> changes, int asOfSecond) {
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<int[]> step = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(-1, 6), Arbitraries.integers().between(0, 3))
                .as((from, scope, to, gap) -> new int[]{from, scope, to, gap});
        return Combinators.combine(step.list().ofMaxSize(40), Arbitraries.integers().between(-1, 80)).as((steps, asOf) -> {
            List<DelegationTimeline.Change> changes = new ArrayList<>();
            int second = 0;
            for (int[] s : steps) {
                second += s[3];
                changes.add(new DelegationTimeline.Change(T0.plusSeconds(second), new MemberId("m" + s[0]), SCOPES.get(s[1]),
                        s[2] < 0 ? null : new MemberId("m" + s[2])));
            }
            return new History(changes, asOf);
        });
    }

    /** Per delegator and scope, the last change at or before the instant; a revocation leaves nothing. */
    private static Map<MemberId, Map<String, MemberId>> reference(List<DelegationTimeline.Change> changes, Instant asOf) {
        Map<List<Object>, MemberId> last = new HashMap<>();
        for (DelegationTimeline.Change c : changes) {
            if (!c.at().isAfter(asOf)) {
                last.put(List.of(c.delegator(), c.scope()), c.delegateOrNull());
            }
        }
        Map<MemberId, Map<String, MemberId>> byDelegator = new HashMap<>();
        last.forEach((key, delegate) -> {
            if (delegate != null) {
                byDelegator.computeIfAbsent((MemberId) key.get(0), m -> new HashMap<>()).put((String) key.get(1), delegate);
            }
        });
        return byDelegator;
    }

    @Property(tries = 2000)
    void delegationsAsOfAnInstantAreTheLastChangeOfEachScopeAtOrBeforeIt(@ForAll("histories") History h) {
        DelegationTimeline timeline = new DelegationTimeline();
        h.changes().forEach(timeline::record);
        Instant asOf = T0.plusSeconds(h.asOfSecond());

        assertThat(timeline.asOf(asOf).byDelegator()).isEqualTo(reference(h.changes(), asOf));
        assertThat(DelegationTimeline.asOf(h.changes(), asOf)).isEqualTo(timeline.asOf(asOf));
    }

    @Property(tries = 1000)
    void theDelegationsInForceNowAreTheWholeTimelineAndATopicOverridesTheGlobalScope(@ForAll("histories") History h) {
        DelegationTimeline timeline = new DelegationTimeline();
        DelegationTimeline.InForce inForce = new DelegationTimeline.InForce();
        h.changes().forEach(c -> {
            timeline.record(c);
            inForce.apply(c);
        });
        Delegations now = timeline.asOf(Instant.MAX);
        assertThat(inForce.delegations()).isEqualTo(now);
        for (int m = 0; m <= 5; m++) {
            MemberId member = new MemberId("m" + m);
            for (String scope : SCOPES) {
                assertThat(timeline.inForce(member, scope)).isEqualTo(now.byDelegator().getOrDefault(member, Map.of()).get(scope));
            }
            assertThat(inForce.forTopic(member, "energy")).isEqualTo(now.forTopic("energy").get(member));
        }
    }

    @Test
    void aChangeAfterTheInstantChangesNothingAsOfIt() {
        MemberId ada = new MemberId("ada");
        MemberId ben = new MemberId("ben");
        DelegationTimeline timeline = new DelegationTimeline();
        timeline.record(new DelegationTimeline.Change(T0, ada, Delegations.GLOBAL, ben));
        timeline.record(new DelegationTimeline.Change(T0.plusSeconds(60), ada, Delegations.GLOBAL, null));

        assertThat(timeline.asOf(T0.plusSeconds(59)).forTopic("energy")).containsEntry(ada, ben);
        assertThat(timeline.asOf(T0.plusSeconds(60)).byDelegator()).isEmpty();
        assertThat(timeline.asOf(T0.minusMillis(1)).byDelegator()).isEmpty();
    }
}
