package coop.plenum.governance.voting;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The voting core for any method, checked with a method of the tests' own: a score of 0 to 5 (power times the score
 * is summed), where 0 is a veto that is personal, so a delegate's 0 counts as 1 for their delegators. The count must
 * equal a brute-force reference that walks every chain, and stay equal to a fresh count after every change, with
 * powers in micro-units and powers too large for a long.
 */
class VoteCountPropertiesTest {

    private static final List<StakeholderClass> CLASSES = List.of(new StakeholderClass("a", "A", 60, 0),
            new StakeholderClass("b", "B", 40, 0));
    private static final DecisionRule DECISION = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);

    /** The tests' method: sum 0 is Σ power × score, sum 1 the power that vetoes. */
    static final class PersonalVetoScore implements VotingMethod<Integer, List<ClassSums>> {
        @Override
        public Class<Integer> ballotType() {
            return Integer.class;
        }

        @Override
        public int sums() {
            return 2;
        }

        @Override
        public long largestMultiplier() {
            return 5;
        }

        @Override
        public void count(Integer score, Sums into) {
            into.add(0, score);
            if (score == 0) {
                into.add(1, 1);
            }
        }

        @Override
        public Integer asDelegated(Integer score) {
            return score == 0 ? 1 : score;
        }

        @Override
        public List<ClassSums> result(Electorate electorate, List<ClassSums> classes) {
            return classes;
        }
    }

    private static final PersonalVetoScore METHOD = new PersonalVetoScore();

    record Change(int kind, int member, int target, int score) {
    }

    record Scenario(List<Voter> voters, Map<MemberId, MemberId> delegations, Map<MemberId, Integer> ballots, int max,
                    List<Change> changes) {
        Electorate electorate() {
            return new Electorate(CLASSES, DECISION, voters);
        }
    }

    @Provide
    Arbitrary<Scenario> votes() {
        return Arbitraries.integers().between(1, 30).flatMap(n -> {
            Arbitrary<List<Integer>> classes = Arbitraries.integers().between(0, 1).list().ofSize(n);
            Arbitrary<List<BigDecimal>> powers = Arbitraries.oneOf(
                    Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000")).ofScale(6),
                    Arbitraries.bigDecimals().between(new BigDecimal("1E12"), new BigDecimal("1E13")).ofScale(7)).list().ofSize(n);
            Arbitrary<List<Integer>> delegates = Arbitraries.integers().between(-1, n + 1).list().ofSize(n);
            Arbitrary<List<Integer>> scores = Arbitraries.integers().between(-3, 5).list().ofSize(n);
            Arbitrary<Change> change = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(0, n + 1), Arbitraries.integers().between(0, 5)).as(Change::new);
            return Combinators.combine(classes, powers, delegates, scores, Arbitraries.integers().between(0, 4), change.list().ofMaxSize(30))
                    .as((c, p, d, s, max, ch) -> {
                        List<Voter> voters = new ArrayList<>();
                        Map<MemberId, MemberId> delegations = new HashMap<>();
                        Map<MemberId, Integer> ballots = new HashMap<>();
                        for (int i = 0; i < n; i++) {
                            voters.add(new Voter(id(i), c.get(i) == 0 ? "a" : "b", p.get(i)));
                            if (d.get(i) >= 0 && d.get(i) != i) {
                                delegations.put(id(i), id(d.get(i)));
                            }
                            if (s.get(i) >= 0) {
                                ballots.put(id(i), s.get(i));
                            }
                        }
                        return new Scenario(voters, delegations, ballots, max, ch);
                    });
        });
    }

    private static MemberId id(int i) {
        return new MemberId("m" + i);
    }

    /** Per class: electorate, participating, Σ power × score, vetoing power, walking each chain with a visited set. */
    private static Map<String, BigDecimal[]> reference(Scenario s, Map<MemberId, MemberId> delegations, Map<MemberId, Integer> ballots) {
        Map<MemberId, Voter> electorate = new HashMap<>();
        s.voters().forEach(v -> electorate.put(v.memberId(), v));
        Map<String, BigDecimal[]> sums = new HashMap<>();
        CLASSES.forEach(c -> sums.put(c.id(), new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO}));
        for (Voter v : s.voters()) {
            BigDecimal[] of = sums.get(v.classId());
            of[0] = of[0].add(v.power());
            MemberId x = v.memberId();
            Set<MemberId> visited = new HashSet<>(List.of(x));
            int hops = 0;
            while (true) {
                Integer score = ballots.get(x);
                if (score != null) {
                    if (s.max() == 0 || hops <= s.max()) {
                        int counted = hops > 0 && score == 0 ? 1 : score;
                        of[1] = of[1].add(v.power());
                        of[2] = of[2].add(v.power().multiply(BigDecimal.valueOf(counted)));
                        of[3] = counted == 0 ? of[3].add(v.power()) : of[3];
                    }
                    break;
                }
                MemberId next = delegations.get(x);
                if (next == null || !electorate.containsKey(next) || !visited.add(next)) {
                    break;
                }
                hops++;
                x = next;
            }
        }
        return sums;
    }

    private static void assertSums(List<ClassSums> actual, Map<String, BigDecimal[]> expected) {
        for (ClassSums c : actual) {
            BigDecimal[] e = expected.get(c.stakeholderClass().id());
            assertThat(c.electoratePower()).isEqualByComparingTo(e[0]);
            assertThat(c.participating()).isEqualByComparingTo(e[1]);
            assertThat(c.sum(0)).isEqualByComparingTo(e[2]);
            assertThat(c.sum(1)).isEqualByComparingTo(e[3]);
        }
    }

    @Property(tries = 3000)
    void everyMethodsSumsAreExactlyWhatWalkingEveryChainGives(@ForAll("votes") Scenario s) {
        boolean large = s.voters().stream().anyMatch(v -> v.power().scale() > 6);
        Statistics.label("powers").collect(large ? "beyond a long's micro-units" : "micro-units");

        assertSums(VoteCount.open(METHOD, s.electorate(), s.delegations(), s.max(), s.ballots()).result(),
                reference(s, s.delegations(), s.ballots()));
    }

    @Property(tries = 2000)
    void aCountKeptUpToDateChangeByChangeEqualsTheCountOfTheResultingVote(@ForAll("votes") Scenario s) {
        Map<MemberId, MemberId> delegations = new HashMap<>(s.delegations());
        Map<MemberId, Integer> ballots = new HashMap<>(s.ballots());
        VoteCount<Integer, List<ClassSums>> live = VoteCount.open(METHOD, s.electorate(), delegations, s.max(), ballots);
        for (Change c : s.changes()) {
            MemberId m = id(c.member());
            switch (c.kind()) {
                case 0 -> {
                    ballots.put(m, c.score());
                    live.cast(m, c.score());
                }
                case 1 -> {
                    ballots.remove(m);
                    live.retract(m);
                }
                case 2 -> {
                    if (c.target() != c.member()) {
                        delegations.put(m, id(c.target()));
                        live.delegate(m, id(c.target()));
                    }
                }
                default -> {
                    delegations.remove(m);
                    live.delegate(m, null);
                }
            }
            assertSums(live.result(), reference(s, delegations, ballots));
        }
        VoteCount<Integer, List<ClassSums>> fresh = VoteCount.open(METHOD, s.electorate(), delegations, s.max(), ballots);
        for (Voter v : s.voters()) {
            Provenance<Integer> kept = live.provenance(v.memberId());
            Provenance<Integer> afresh = fresh.provenance(v.memberId());
            // a cycle is listed from one of its members; which one depends on the order the chains were resolved in
            assertThat(kept.cycle()).containsExactlyInAnyOrderElementsOf(afresh.cycle());
            assertThat(new Provenance<>(kept.memberId(), kept.kind(), kept.choice(), kept.castBy(), kept.hops(), kept.chain(), List.of()))
                    .isEqualTo(new Provenance<>(afresh.memberId(), afresh.kind(), afresh.choice(), afresh.castBy(), afresh.hops(),
                            afresh.chain(), List.of()));
        }
        assertThat(live.countedVotes()).isEqualTo(fresh.countedVotes());
    }

    @Property(tries = 1000)
    void aDelegatedBallotCountsAsTheMethodSaysAndProvenanceShowsWhatCounted(@ForAll("votes") Scenario s) {
        VoteCount<Integer, List<ClassSums>> count = VoteCount.open(METHOD, s.electorate(), s.delegations(), s.max(), s.ballots());
        for (CountedVote<Integer> vote : count.countedVotes()) {
            Integer cast = s.ballots().get(vote.castBy());
            assertThat(vote.choice()).isEqualTo(vote.isDirect() ? cast : METHOD.asDelegated(cast));
            assertThat(count.provenance(vote.memberId()).choice()).isEqualTo(vote.choice());
        }
    }
}
