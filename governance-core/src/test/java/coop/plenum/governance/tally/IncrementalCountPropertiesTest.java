package coop.plenum.governance.tally;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.VoteCount;
import coop.plenum.governance.voting.Voter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count kept up to date change by change always equals the count resolved afresh in one pass: after every ballot, retraction, delegation and revocation,
 * on random graphs with cycles, long chains, delegates outside the electorate and maximum chain lengths.
 */
class IncrementalCountPropertiesTest {

    private static final List<StakeholderClass> CLASSES = List.of(new StakeholderClass("a", "A", 70, 10),
            new StakeholderClass("b", "B", 30, 10));
    private static final DecisionRule DECISION = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);

    /** One change: kind 0 cast, 1 retract, 2 delegate, 3 revoke; {@code target} may lie outside the electorate. */
    record Change(int kind, int member, int target, int choice) {
    }

    record Scenario(int n, List<Integer> classes, List<Integer> initialDelegates, List<Integer> initialBallots, int max,
                    List<Change> changes) {
    }

    @Provide
    Arbitrary<Scenario> histories() {
        return Arbitraries.integers().between(1, 40).flatMap(n -> {
            Arbitrary<List<Integer>> classes = Arbitraries.integers().between(0, 1).list().ofSize(n);
            Arbitrary<List<Integer>> delegates = Arbitraries.integers().between(-1, n + 2).list().ofSize(n);
            Arbitrary<List<Integer>> ballots = Arbitraries.integers().between(-2, 2).list().ofSize(n);
            Arbitrary<Integer> max = Arbitraries.integers().between(0, 5);
            Arbitrary<Change> change = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(0, n + 2), Arbitraries.integers().between(0, 2)).as(Change::new);
            return Combinators.combine(classes, delegates, ballots, max, change.list().ofMaxSize(40))
                    .as((c, d, b, m, ch) -> new Scenario(n, c, d, b, m, ch));
        });
    }

    private static MemberId id(int i) {
        return new MemberId("m" + i);
    }

    @Property(tries = 3000)
    void theLiveTallyEqualsAFullRecountAfterEveryChange(@ForAll("histories") Scenario s) {
        List<Voter> voters = new ArrayList<>();
        for (int i = 0; i < s.n(); i++) {
            voters.add(new Voter(id(i), s.classes().get(i) == 0 ? "a" : "b", new BigDecimal(i % 4 + 1 + ".25")));
        }
        Electorate electorate = new Electorate(CLASSES, DECISION, voters);
        Map<MemberId, MemberId> delegations = new HashMap<>();
        Map<MemberId, Choice> ballots = new HashMap<>();
        for (int i = 0; i < s.n(); i++) {
            int d = s.initialDelegates().get(i);
            if (d >= 0 && d != i) {
                delegations.put(id(i), id(d));
            }
            int b = s.initialBallots().get(i);
            if (b >= 0) {
                ballots.put(id(i), Choice.values()[b]);
            }
        }
        VoteCount<Choice, Tally> live = YesNo.count(electorate, delegations, s.max(), ballots);
        assertEqualsRecount(live, electorate, delegations, ballots, s.max());
        for (Change c : s.changes()) {
            MemberId m = id(c.member());
            switch (c.kind()) {
                case 0 -> {
                    ballots.put(m, Choice.values()[c.choice()]);
                    live.cast(m, Choice.values()[c.choice()]);
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
            assertEqualsRecount(live, electorate, delegations, ballots, s.max());
        }
    }

    private static void assertEqualsRecount(VoteCount<Choice, Tally> live, Electorate electorate, Map<MemberId, MemberId> delegations,
                                            Map<MemberId, Choice> ballots, int max) {
        Tally expected = YesNo.count(electorate, delegations, max, ballots).result();
        Tally actual = live.result();
        assertThat(actual.outcome()).isEqualTo(expected.outcome());
        assertThat(actual.approval()).isEqualTo(expected.approval());
        for (int c = 0; c < expected.classes().size(); c++) {
            ClassTally e = expected.classes().get(c);
            ClassTally a = actual.classes().get(c);
            assertThat(a.yes()).isEqualByComparingTo(e.yes());
            assertThat(a.no()).isEqualByComparingTo(e.no());
            assertThat(a.abstain()).isEqualByComparingTo(e.abstain());
            assertThat(a.electoratePower()).isEqualByComparingTo(e.electoratePower());
            assertThat(a.quorumMet()).isEqualTo(e.quorumMet());
        }
    }

    @Test
    void aBallotAtTheEndOfAMillionHopChainUpdatesEveryoneWithoutRecursion() {
        int n = 1_000_000;
        List<Voter> voters = new ArrayList<>(n);
        Map<MemberId, MemberId> chain = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            voters.add(new Voter(id(i), "a", BigDecimal.ONE));
            if (i + 1 < n) {
                chain.put(id(i), id(i + 1));
            }
        }
        VoteCount<Choice, Tally> live = YesNo.count(new Electorate(CLASSES, DECISION, voters), chain, 0, Map.of());
        live.cast(id(n - 1), Choice.YES);
        assertThat(live.result().classes().get(0).yes()).isEqualByComparingTo(BigDecimal.valueOf(n));
        live.delegate(id(n - 1), id(0));   // ballot still counts: nothing changes
        live.retract(id(n - 1));           // now a million-member cycle without a ballot
        assertThat(live.result().classes().get(0).yes()).isEqualByComparingTo("0");
    }
}
