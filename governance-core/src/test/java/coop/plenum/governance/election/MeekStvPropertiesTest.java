package coop.plenum.governance.election;

import coop.plenum.governance.voting.Ratio;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meek STV against what SPEC and the issue require of it: a quota of first preferences elects; with one seat it is
 * instant-runoff (against a small IRV of the test's own); the order of ballots changes nothing; never more elected
 * than seats; scaling every weight changes no decision; every round keeps the weight (votes + exhausted = total).
 */
class MeekStvPropertiesTest {

    private static final String[] POWERS = {"1", "1", "1", "2", "2.5", "0", "0.000001", "7.123456"};

    record Election(List<String> candidates, int seats, List<RankedVote> ballots) {
        MeekCount count() {
            return MeekStv.count(candidates, seats, ballots);
        }
    }

    @Provide
    Arbitrary<Election> elections() {
        return Arbitraries.longs().map(seed -> randomElection(new Random(seed), 1 + new Random(seed).nextInt(4)));
    }

    @Provide
    Arbitrary<Election> singleSeat() {
        return Arbitraries.longs().map(seed -> randomElection(new Random(seed), 1));
    }

    static Election randomElection(Random random, int seats) {
        int n = 1 + random.nextInt(6);
        List<String> candidates = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            candidates.add("c" + c);
        }
        List<RankedVote> ballots = new ArrayList<>();
        int count = random.nextInt(25);
        boolean equalPower = random.nextBoolean();
        for (int i = 0; i < count; i++) {
            List<String> shuffled = new ArrayList<>(candidates);
            Collections.shuffle(shuffled, random);
            // skewed first preferences, so that quotas and ties both occur
            if (random.nextInt(3) == 0) {
                shuffled.remove("c0");
                shuffled.add(0, "c0");
            }
            List<String> ranking = shuffled.subList(0, random.nextInt(n + 1));
            BigDecimal weight = equalPower ? BigDecimal.ONE : new BigDecimal(POWERS[random.nextInt(POWERS.length)]);
            ballots.add(new RankedVote(ranking, weight));
        }
        return new Election(candidates, seats, ballots);
    }

    @Property(tries = 1500)
    void aCandidateWithMoreThanAQuotaOfFirstPreferencesIsElected(@ForAll("elections") Election e) {
        Map<String, BigDecimal> first = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (RankedVote b : e.ballots()) {
            if (!b.ranking().isEmpty()) {
                first.merge(b.ranking().get(0), b.weight(), BigDecimal::add);
                total = total.add(b.weight());
            }
        }
        Ratio quota = Ratio.of(total, BigDecimal.valueOf(e.seats() + 1L));
        MeekCount count = e.count();
        boolean any = false;
        for (Map.Entry<String, BigDecimal> f : first.entrySet()) {
            if (Ratio.of(f.getValue()).isGreaterThan(quota)) {
                any = true;
                assertThat(count.elected()).contains(f.getKey());
            }
        }
        Statistics.label("a quota of first preferences").collect(any);
    }

    @Property(tries = 2000)
    void withOneSeatTheResultIsInstantRunoff(@ForAll("singleSeat") Election e) {
        MeekCount count = e.count();
        Irv.Result irv = Irv.count(e.candidates(), e.ballots());

        assertThat(count.elected()).isEqualTo(irv.winner() == null ? List.of() : List.of(irv.winner()));
        assertThat(count.excluded()).isEqualTo(irv.excluded());
        Statistics.label("rounds").collect(irv.excluded().size());
    }

    @Property(tries = 1000)
    void theOrderOfBallotsChangesNothing(@ForAll("elections") Election e, @ForAll long seed) {
        List<RankedVote> shuffled = new ArrayList<>(e.ballots());
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(MeekStv.count(e.candidates(), e.seats(), shuffled)).isEqualTo(e.count());
    }

    @Property(tries = 1500)
    void neverMoreElectedThanSeatsAndEveryCandidateEndsSomewhere(@ForAll("elections") Election e) {
        MeekCount count = e.count();

        assertThat(count.elected()).hasSizeLessThanOrEqualTo(e.seats());
        assertThat(count.elected().size()).isEqualTo(Math.min(e.seats(), e.candidates().size()));
        Set<String> all = new HashSet<>(count.elected());
        all.addAll(count.excluded());
        all.addAll(count.notElected());
        assertThat(all).hasSize(e.candidates().size()).containsExactlyInAnyOrderElementsOf(e.candidates());
    }

    @Property(tries = 1000)
    void scalingEveryWeightChangesNoDecision(@ForAll("elections") Election e) {
        BigDecimal factor = new BigDecimal("3.5");
        List<RankedVote> scaled = e.ballots().stream()
                .map(b -> new RankedVote(b.ranking(), b.weight().multiply(factor))).toList();
        MeekCount original = e.count();
        MeekCount bigger = MeekStv.count(e.candidates(), e.seats(), scaled);

        assertThat(bigger.elected()).isEqualTo(original.elected());
        assertThat(bigger.excluded()).isEqualTo(original.excluded());
        assertThat(bigger.rounds()).hasSameSizeAs(original.rounds());
        for (int r = 0; r < original.rounds().size(); r++) {
            assertThat(bigger.rounds().get(r).keepValues()).isEqualTo(original.rounds().get(r).keepValues());
            assertThat(bigger.rounds().get(r).quota()).isEqualTo(original.rounds().get(r).quota().times(Ratio.of(7, 2)));
        }
    }

    @Property(tries = 1000)
    void everyRoundKeepsTheWeight(@ForAll("elections") Election e) {
        BigDecimal total = e.ballots().stream().map(RankedVote::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (MeekRound round : e.count().rounds()) {
            Ratio held = round.exhausted();
            Ratio moved = round.exhaustedTransfer();
            for (String c : e.candidates()) {
                held = held.plus(round.votes().get(c));
                moved = moved.plus(round.transfers().get(c));
            }
            assertThat(held).isEqualTo(Ratio.of(total));
            assertThat(round.quota().times(Ratio.of(e.seats() + 1L, 1))).isEqualTo(Ratio.of(total).minus(round.exhausted()));
        }
    }

    /**
     * Instant-runoff, written independently: count each ballot for its first continuing candidate; a candidate with
     * strictly more than half the continuing votes wins; the last one left wins; otherwise the lowest goes, ties
     * broken by the latest earlier round in which they differed, then the later in the list goes (the rule
     * docs/tally.md gives for Meek).
     */
    static final class Irv {
        record Result(String winner, List<String> excluded) {
        }

        static Result count(List<String> candidates, List<RankedVote> ballots) {
            Set<String> continuing = new HashSet<>(candidates);
            List<Map<String, Ratio>> history = new ArrayList<>();
            List<String> excluded = new ArrayList<>();
            while (true) {
                if (continuing.isEmpty()) {
                    return new Result(null, excluded);
                }
                if (continuing.size() == 1) {
                    return new Result(continuing.iterator().next(), excluded);
                }
                Map<String, Ratio> votes = new HashMap<>();
                continuing.forEach(c -> votes.put(c, Ratio.ZERO));
                Ratio total = Ratio.ZERO;
                for (RankedVote b : ballots) {
                    for (String c : b.ranking()) {
                        if (continuing.contains(c)) {
                            votes.put(c, votes.get(c).plus(Ratio.of(b.weight())));
                            total = total.plus(Ratio.of(b.weight()));
                            break;
                        }
                    }
                }
                for (String c : continuing) {
                    if (votes.get(c).times(Ratio.of(2, 1)).isGreaterThan(total)) {
                        return new Result(c, excluded);
                    }
                }
                String lowest = null;
                for (String c : candidates) {
                    if (continuing.contains(c) && (lowest == null || behind(c, lowest, votes, history, candidates))) {
                        lowest = c;
                    }
                }
                history.add(votes);
                continuing.remove(lowest);
                excluded.add(lowest);
            }
        }

        private static boolean behind(String a, String b, Map<String, Ratio> now, List<Map<String, Ratio>> history,
                                      List<String> candidates) {
            int cmp = now.get(a).compareTo(now.get(b));
            for (int r = history.size() - 1; cmp == 0 && r >= 0; r--) {
                cmp = history.get(r).getOrDefault(a, Ratio.ZERO).compareTo(history.get(r).getOrDefault(b, Ratio.ZERO));
            }
            return cmp != 0 ? cmp < 0 : candidates.indexOf(a) > candidates.indexOf(b);
        }
    }
}
