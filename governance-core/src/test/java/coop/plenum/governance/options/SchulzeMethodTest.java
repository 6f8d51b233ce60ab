package coop.plenum.governance.options;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Ratio;
import coop.plenum.governance.voting.Voter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RANKED (Schulze): a published example, ties, delegation, and jqwik properties against a brute-force reference
 * (every simple path enumerated on exact rationals) and the Condorcet winner.
 */
class SchulzeMethodTest {

    private static List<ProposalOption> options(String... ids) {
        return Arrays.stream(ids).map(id -> new ProposalOption(id, id)).toList();
    }

    private static RankedBallot ranked(String order) {
        return new RankedBallot(Arrays.stream(order.split(">")).map(g -> Arrays.asList(g.split("="))).toList());
    }

    private static SchulzeTally tally(List<ProposalOption> options, List<StakeholderClass> classes, List<Voter> voters,
                                      Map<MemberId, RankedBallot> ballots, Map<MemberId, MemberId> delegations) {
        Electorate e = new Electorate(classes, new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED), voters);
        return SchulzeMethod.of(options).count(e, delegations, 5, ballots).result();
    }

    private static SchulzeTally oneClass(List<ProposalOption> options, List<RankedBallot> ballots) {
        List<Voter> voters = new ArrayList<>();
        Map<MemberId, RankedBallot> cast = new HashMap<>();
        for (RankedBallot b : ballots) {
            MemberId m = new MemberId("m" + voters.size());
            voters.add(new Voter(m, "all", BigDecimal.ONE));
            cast.put(m, b);
        }
        return tally(options, List.of(new StakeholderClass("all", "All", 100, 0)), voters, cast, Map.of());
    }

    @Test
    void theWikipediaExampleOfFortyFiveVotersElectsEAndRanksEACBD() {
        List<RankedBallot> ballots = new ArrayList<>();
        Object[][] groups = {{5, "A>C>B>E>D"}, {5, "A>D>E>C>B"}, {8, "B>E>D>A>C"}, {3, "C>A>B>E>D"}, {7, "C>A>E>B>D"},
                {2, "C>B>A>D>E"}, {7, "D>C>E>B>A"}, {8, "E>B>A>D>C"}};
        for (Object[] g : groups) {
            for (int i = 0; i < (Integer) g[0]; i++) {
                ballots.add(ranked((String) g[1]));
            }
        }
        SchulzeTally t = oneClass(options("A", "B", "C", "D", "E"), ballots);
        assertThat(t.winners()).containsExactly("E");
        assertThat(t.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(t.ranking()).containsExactly(List.of("E"), List.of("A"), List.of("C"), List.of("B"), List.of("D"));
        // d[A][B] = 20/45; the strongest path A→B is 28/45 (A→D→... per the published matrix: p[A][B] = 28)
        assertThat(t.d()[0][1]).isEqualTo(Ratio.of(20, 45));
        assertThat(t.p()[0][1]).isEqualTo(Ratio.of(28, 45));
        assertThat(t.p()[4][0]).isEqualTo(Ratio.of(25, 45));
    }

    @Test
    void twoOptionsPreferredByEqualPowerAreATie() {
        SchulzeTally t = oneClass(options("a", "b", "c"), List.of(ranked("a>b>c"), ranked("b>a>c")));
        assertThat(t.outcome()).isEqualTo(Outcome.TIE);
        assertThat(t.winners()).containsExactly("a", "b");
    }

    @Test
    void unrankedOptionsRankBelowRankedOnesAndTiedGroupsCountNeitherWay() {
        SchulzeTally t = oneClass(options("a", "b", "c"), List.of(ranked("a=b")));
        assertThat(t.d()[0][2]).isEqualTo(Ratio.ONE);
        assertThat(t.d()[0][1]).isEqualTo(Ratio.ZERO);
        assertThat(t.winners()).containsExactly("a", "b");
    }

    @Test
    void aDelegatorsPowerCountsInTheirOwnClassAndClassesAreWeighted() {
        List<Voter> voters = List.of(new Voter(new MemberId("w"), "workers", BigDecimal.ONE),
                new Voter(new MemberId("u1"), "users", BigDecimal.ONE), new Voter(new MemberId("u2"), "users", new BigDecimal("3")));
        SchulzeTally t = tally(options("a", "b"), List.of(new StakeholderClass("workers", "W", 30, 0),
                        new StakeholderClass("users", "U", 70, 0)), voters,
                Map.of(new MemberId("w"), ranked("a>b"), new MemberId("u1"), ranked("b>a")),
                Map.of(new MemberId("u2"), new MemberId("w")));
        // users: u2 (3) counts a>b through w, u1 (1) b>a: d_users[a][b] = 3/4; D[a][b] = 0.3·1 + 0.7·¾ = 33/40
        assertThat(t.d()[0][1]).isEqualTo(Ratio.of(33, 40));
        assertThat(t.winners()).containsExactly("a");
    }

    @Test
    void theLiveTallyAfterRecastsEqualsARecountMatricesIncluded() {
        List<ProposalOption> options = options("a", "b", "c");
        List<Voter> voters = List.of(new Voter(new MemberId("x"), "all", BigDecimal.ONE),
                new Voter(new MemberId("y"), "all", new BigDecimal("2")), new Voter(new MemberId("z"), "all", BigDecimal.ONE));
        Electorate e = new Electorate(List.of(new StakeholderClass("all", "All", 100, 0)),
                new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED), voters);
        var live = SchulzeMethod.of(options).count(e, Map.of(), 5, Map.of(new MemberId("x"), ranked("a>b>c")));
        live.cast(new MemberId("y"), ranked("c>b"));
        live.cast(new MemberId("z"), ranked("b=c>a"));
        live.cast(new MemberId("y"), ranked("b>a>c"));

        SchulzeTally recount = SchulzeMethod.of(options).count(e, Map.of(), 5, Map.of(new MemberId("x"), ranked("a>b>c"),
                new MemberId("y"), ranked("b>a>c"), new MemberId("z"), ranked("b=c>a"))).result();
        // equal by value: the tally holds its matrices as arrays, which a record alone compares by identity
        assertThat(live.result()).isEqualTo(recount).hasSameHashCodeAs(recount);
        assertThat(recount.winners()).containsExactly("b");
    }

    @Test
    void noPreferenceExpressedIsRejected() {
        assertThat(oneClass(options("a", "b"), List.of(ranked("a=b"))).outcome()).isEqualTo(Outcome.REJECTED);
    }

    // ---- properties -----------------------------------------------------------------------------------------

    record Election(int n, List<RankedBallot> ballots) {
    }

    @Provide
    Arbitrary<Election> elections() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            int n = 2 + r.nextInt(4);
            List<RankedBallot> ballots = new ArrayList<>();
            int voters = 1 + r.nextInt(12);
            for (int v = 0; v < voters; v++) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ids.add("o" + i);
                }
                java.util.Collections.shuffle(ids, r);
                int ranked = r.nextInt(n + 1);
                List<List<String>> groups = new ArrayList<>();
                for (int i = 0; i < ranked; i++) {
                    if (!groups.isEmpty() && r.nextInt(4) == 0) {
                        groups.get(groups.size() - 1).add(ids.get(i));
                    } else {
                        groups.add(new ArrayList<>(List.of(ids.get(i))));
                    }
                }
                ballots.add(new RankedBallot(groups));
            }
            return new Election(n, ballots);
        });
    }

    @Property(tries = 3000)
    void strongestPathsAndWinnersEqualABruteForceOverEverySimplePath(@ForAll("elections") Election e) {
        List<ProposalOption> options = new ArrayList<>();
        for (int i = 0; i < e.n(); i++) {
            options.add(new ProposalOption("o" + i, "o" + i));
        }
        SchulzeTally t = oneClass(options, e.ballots());
        long[][] count = new long[e.n()][e.n()];
        for (RankedBallot b : e.ballots()) {
            int[] level = new int[e.n()];
            Arrays.fill(level, Integer.MAX_VALUE);
            for (int g = 0; g < b.ranking().size(); g++) {
                for (String id : b.ranking().get(g)) {
                    level[Integer.parseInt(id.substring(1))] = g;
                }
            }
            for (int a = 0; a < e.n(); a++) {
                for (int c = 0; c < e.n(); c++) {
                    if (level[a] < level[c]) {
                        count[a][c]++;
                    }
                }
            }
        }
        long voters = e.ballots().size();
        Ratio[][] strongest = new Ratio[e.n()][e.n()];
        for (int a = 0; a < e.n(); a++) {
            for (int c = 0; c < e.n(); c++) {
                if (a != c) {
                    strongest[a][c] = widest(a, c, count, voters, new boolean[e.n()]);
                    assertThat(t.d()[a][c]).isEqualTo(Ratio.of(count[a][c], voters));
                    assertThat(t.p()[a][c]).as("p[%d][%d]", a, c).isEqualTo(strongest[a][c]);
                }
            }
        }
        List<String> unbeaten = new ArrayList<>();
        boolean anyPreference = false;
        for (int a = 0; a < e.n(); a++) {
            boolean beaten = false;
            for (int c = 0; c < e.n(); c++) {
                anyPreference |= count[a][c] != count[c][a];
                beaten |= a != c && strongest[c][a].isGreaterThan(strongest[a][c]);
            }
            if (!beaten) {
                unbeaten.add("o" + a);
            }
        }
        assertThat(t.winners()).isEqualTo(anyPreference ? unbeaten : List.of());
        Integer condorcet = null;
        for (int a = 0; a < e.n() && condorcet == null; a++) {
            boolean beatsAll = true;
            for (int c = 0; c < e.n(); c++) {
                beatsAll &= a == c || count[a][c] > count[c][a];
            }
            condorcet = beatsAll ? a : null;
        }
        if (condorcet != null) {
            assertThat(t.winners()).as("the Condorcet winner wins").containsExactly("o" + condorcet);
        }
        Statistics.label("outcome").collect(t.outcome());
        Statistics.label("condorcet").collect(condorcet != null);
    }

    /** The strongest path from a to c over simple paths, every one enumerated (winning links only). */
    private static Ratio widest(int a, int c, long[][] count, long voters, boolean[] visited) {
        Ratio best = Ratio.ZERO;
        visited[a] = true;
        for (int next = 0; next < count.length; next++) {
            if (visited[next] || count[a][next] <= count[next][a]) {
                continue;
            }
            Ratio link = Ratio.of(count[a][next], voters);
            Ratio path = next == c ? link : min(link, widest(next, c, count, voters, visited));
            if (path.isGreaterThan(best)) {
                best = path;
            }
        }
        visited[a] = false;
        return best;
    }

    private static Ratio min(Ratio x, Ratio y) {
        return x.compareTo(y) <= 0 ? x : y;
    }
}
