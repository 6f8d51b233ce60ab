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
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our RANKED tally beside LiquidFeedback's {@code calculate_ranks} (liquid_feedback_core, read to learn its rule, not
 * its code): the pairwise counts of voters ranking a above b (a voter's weight being 1 plus those delegating to
 * them), a defeat strength per link ({@code simple}: the winning votes, else 0; {@code tuple}, its default: the
 * winning votes first and fewer losing votes second, a tie 0, a defeat below it), Floyd–Warshall strongest paths,
 * ranks given by repeatedly taking every option no remaining option beats, and one winner picked from the first
 * rank by the lowest id. {@link LiquidFeedbackRule} restates that here. Where we differ on purpose (no tie-breaking,
 * winning strengths only, no status quo) the example says so; docs/tally.md lists the differences.
 */
class SchulzeLikeLiquidFeedbackTest {

    private static List<ProposalOption> options(String... ids) {
        return Arrays.stream(ids).map(id -> new ProposalOption(id, id)).toList();
    }

    private static RankedBallot ranked(String order) {
        return new RankedBallot(Arrays.stream(order.split(">")).map(g -> Arrays.asList(g.split("="))).toList());
    }

    /** Groups of identical ballots: {count, "a>b=c"}. */
    private static List<RankedBallot> profile(Object[][] groups) {
        List<RankedBallot> ballots = new ArrayList<>();
        for (Object[] g : groups) {
            for (int i = 0; i < (Integer) g[0]; i++) {
                ballots.add(ranked((String) g[1]));
            }
        }
        return ballots;
    }

    /** Every voter in one class with power 1, each casting one ballot. */
    private static SchulzeTally ours(List<ProposalOption> options, List<RankedBallot> ballots) {
        List<Voter> voters = new ArrayList<>();
        Map<MemberId, RankedBallot> cast = new HashMap<>();
        for (RankedBallot b : ballots) {
            MemberId m = new MemberId("m" + voters.size());
            voters.add(new Voter(m, "all", BigDecimal.ONE));
            cast.put(m, b);
        }
        return count(options, voters, cast, Map.of());
    }

    private static SchulzeTally count(List<ProposalOption> options, List<Voter> voters, Map<MemberId, RankedBallot> cast,
                                      Map<MemberId, MemberId> delegations) {
        Electorate e = new Electorate(List.of(new StakeholderClass("all", "All", 100, 0)),
                new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED), voters);
        return SchulzeMethod.of(options).count(e, delegations, 5, cast).result();
    }

    private static final Object[][] WIKIPEDIA_45 = {{5, "A>C>B>E>D"}, {5, "A>D>E>C>B"}, {8, "B>E>D>A>C"}, {3, "C>A>B>E>D"},
            {7, "C>A>E>B>D"}, {2, "C>B>A>D>E"}, {7, "D>C>E>B>A"}, {8, "E>B>A>D>C"}};

    @Test
    void theFortyFiveVoterExampleRanksEACBDAsLiquidFeedbackDoesWithEitherDefeatStrength() {
        List<ProposalOption> options = options("A", "B", "C", "D", "E");
        List<RankedBallot> ballots = profile(WIKIPEDIA_45);
        SchulzeTally t = ours(options, ballots);
        List<List<String>> published = List.of(List.of("E"), List.of("A"), List.of("C"), List.of("B"), List.of("D"));
        assertThat(t.ranking()).isEqualTo(published);
        assertThat(t.winners()).containsExactly("E");
        for (LiquidFeedbackRule.Strength strength : LiquidFeedbackRule.Strength.values()) {
            LiquidFeedbackRule.Result lf = LiquidFeedbackRule.calculateRanks(options, ballots, strength);
            assertThat(lf.ranks()).as(strength.name()).isEqualTo(published);
            assertThat(lf.winner()).as(strength.name()).isEqualTo("E");
        }
    }

    @Test
    void theTwentyOneVoterExampleRanksDACBAsLiquidFeedbackDoes() {
        List<ProposalOption> options = options("A", "B", "C", "D");
        List<RankedBallot> ballots = profile(new Object[][]{{8, "A>C>D>B"}, {2, "B>A>D>C"}, {4, "C>D>B>A"}, {4, "D>B>A>C"},
                {3, "D>C>B>A"}});
        SchulzeTally t = ours(options, ballots);
        List<List<String>> expected = List.of(List.of("D"), List.of("A"), List.of("C"), List.of("B"));
        assertThat(t.ranking()).isEqualTo(expected);
        assertThat(t.winners()).containsExactly("D");
        // D beats A directly 11:10; on paths A reaches D through C (14, then 12) and D reaches A through B (19, then 13)
        assertThat(t.d()[3][1]).isEqualTo(Ratio.of(19, 21));
        assertThat(t.p()[3][0]).isEqualTo(Ratio.of(13, 21));
        assertThat(t.p()[0][3]).isEqualTo(Ratio.of(12, 21));
        LiquidFeedbackRule.Result lf = LiquidFeedbackRule.calculateRanks(options, ballots, LiquidFeedbackRule.Strength.TUPLE);
        assertThat(lf.ranks()).isEqualTo(expected);
        assertThat(lf.winner()).isEqualTo("D");
    }

    @Test
    void aCondorcetCycleIsATieHereWhereLiquidFeedbackPicksTheLowestId() {
        List<ProposalOption> options = options("A", "B", "C");
        List<RankedBallot> ballots = List.of(ranked("A>B>C"), ranked("B>C>A"), ranked("C>A>B"));
        SchulzeTally t = ours(options, ballots);
        LiquidFeedbackRule.Result lf = LiquidFeedbackRule.calculateRanks(options, ballots, LiquidFeedbackRule.Strength.TUPLE);
        assertThat(t.ranking()).isEqualTo(lf.ranks()).containsExactly(List.of("A", "B", "C"));
        // deliberate: SPEC "several unbeaten options → TIE"; an id (or LiquidFeedback's TBRL) is no reason to choose
        assertThat(t.outcome()).isEqualTo(Outcome.TIE);
        assertThat(t.winners()).containsExactly("A", "B", "C");
        assertThat(lf.winner()).isEqualTo("A");
    }

    @Test
    void equalWinningVotesAreATieHereWhereLiquidFeedbacksTupleStrengthLooksAtTheLosingVotes() {
        // A>B 3:1, B>C 3:2, C>A 3:2: every link has 3 winning votes; A→B has the fewest losing votes
        List<ProposalOption> options = options("A", "B", "C");
        List<RankedBallot> ballots = profile(new Object[][]{{2, "C>A>B"}, {1, "B>C>A"}, {1, "A>B>C"}, {1, "A=B"}});
        SchulzeTally t = ours(options, ballots);
        assertThat(t.d()[0][1]).isEqualTo(Ratio.of(3, 5));
        assertThat(t.d()[1][0]).isEqualTo(Ratio.of(1, 5));
        assertThat(t.outcome()).isEqualTo(Outcome.TIE);
        assertThat(t.winners()).containsExactly("A", "B", "C");

        LiquidFeedbackRule.Result simple = LiquidFeedbackRule.calculateRanks(options, ballots, LiquidFeedbackRule.Strength.SIMPLE);
        assertThat(simple.ranks()).isEqualTo(t.ranking()).containsExactly(List.of("A", "B", "C"));
        // deliberate: SPEC says winning strengths; LiquidFeedback's default (tuple) ranks B below A and C
        LiquidFeedbackRule.Result tuple = LiquidFeedbackRule.calculateRanks(options, ballots, LiquidFeedbackRule.Strength.TUPLE);
        assertThat(tuple.ranks()).containsExactly(List.of("A", "C"), List.of("B"));
        assertThat(tuple.winner()).isEqualTo("A");
    }

    @Test
    void anOptionNothingBeatsSharesTheFirstRankEvenIfItBeatsNothingItself() {
        // a beats c (1:0); b against a and against c is 1:1 either way, so nothing beats b and b beats nothing
        List<ProposalOption> options = options("a", "b", "c");
        List<RankedBallot> ballots = List.of(ranked("b>a>c"), ranked("a=c"));
        SchulzeTally t = ours(options, ballots);
        assertThat(t.winners()).containsExactly("a", "b");
        // the first group is the winners, as in LiquidFeedback (grouping by the number beaten put b below a)
        assertThat(t.ranking()).containsExactly(List.of("a", "b"), List.of("c"));
        assertThat(LiquidFeedbackRule.calculateRanks(options, ballots, LiquidFeedbackRule.Strength.TUPLE).ranks())
                .isEqualTo(t.ranking());
    }

    @Test
    void aDelegatedBallotWeighsLikeLiquidFeedbacksVoterWeight() {
        // each group of the 45-voter example as one voter with the others of the group delegating to them
        List<ProposalOption> options = options("A", "B", "C", "D", "E");
        List<Voter> voters = new ArrayList<>();
        Map<MemberId, RankedBallot> cast = new HashMap<>();
        Map<MemberId, MemberId> delegations = new HashMap<>();
        for (Object[] g : WIKIPEDIA_45) {
            MemberId delegate = new MemberId("d" + voters.size());
            voters.add(new Voter(delegate, "all", BigDecimal.ONE));
            cast.put(delegate, ranked((String) g[1]));
            for (int i = 1; i < (Integer) g[0]; i++) {
                MemberId truster = new MemberId("t" + voters.size());
                voters.add(new Voter(truster, "all", BigDecimal.ONE));
                delegations.put(truster, delegate);
            }
        }
        SchulzeTally delegated = count(options, voters, cast, delegations);
        SchulzeTally direct = ours(options, profile(WIKIPEDIA_45));
        assertThat(delegated.ranking()).isEqualTo(direct.ranking());
        for (int a = 0; a < 5; a++) {
            assertThat(delegated.d()[a]).isEqualTo(direct.d()[a]);
            assertThat(delegated.p()[a]).isEqualTo(direct.p()[a]);
        }
    }

    // ---- property: ours is LiquidFeedback's rule with the simple defeat strength, but for tie-breaking ------

    record Election(int options, List<RankedBallot> ballots) {
    }

    @Provide
    Arbitrary<Election> elections() {
        return Arbitraries.integers().between(2, 5).flatMap(n -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(String.valueOf((char) ('a' + i)));
            }
            // a ballot: each option a level 0..n (n = unranked), then groups of equal levels, best first
            Arbitrary<RankedBallot> ballot = Arbitraries.integers().between(0, n).list().ofSize(n).map(levels -> {
                List<List<String>> groups = new ArrayList<>();
                for (int level = 0; level < n; level++) {
                    List<String> group = new ArrayList<>();
                    for (int o = 0; o < n; o++) {
                        if (levels.get(o) == level) {
                            group.add(ids.get(o));
                        }
                    }
                    if (!group.isEmpty()) {
                        groups.add(group);
                    }
                }
                return new RankedBallot(groups);
            });
            return Combinators.combine(Arbitraries.just(n), ballot.list().ofMinSize(1).ofMaxSize(12)).as(Election::new);
        });
    }

    @Property(tries = 2000)
    void ourRankingAndWinnersAreLiquidFeedbacksWithSimpleDefeatStrength(@ForAll("elections") Election election) {
        String[] ids = new String[election.options()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = String.valueOf((char) ('a' + i));
        }
        List<ProposalOption> options = options(ids);
        SchulzeTally t = ours(options, election.ballots());
        LiquidFeedbackRule.Result lf = LiquidFeedbackRule.calculateRanks(options, election.ballots(),
                LiquidFeedbackRule.Strength.SIMPLE);
        int voters = election.ballots().size();
        for (int a = 0; a < ids.length; a++) {
            for (int b = 0; b < ids.length; b++) {
                if (a != b) {
                    assertThat(t.d()[a][b]).isEqualTo(Ratio.of(lf.votes()[a][b], voters));
                }
            }
        }
        assertThat(t.ranking()).isEqualTo(lf.ranks());
        if (!t.winners().isEmpty()) {
            assertThat(t.winners()).isEqualTo(lf.ranks().get(0));
            assertThat(t.winners()).contains(lf.winner());
        }
    }

    /**
     * LiquidFeedback's rule restated in integers (vote counts, not shares): {@code calculate_ranks} without its
     * status quo and majority requirements, which have no counterpart here.
     */
    static final class LiquidFeedbackRule {

        enum Strength { SIMPLE, TUPLE }

        record Result(long[][] votes, List<List<String>> ranks, String winner) {
        }

        static Result calculateRanks(List<ProposalOption> options, List<RankedBallot> ballots, Strength strength) {
            int n = options.size();
            long[][] votes = new long[n][n];
            for (RankedBallot ballot : ballots) {
                int[] level = new int[n];
                Arrays.fill(level, ballot.ranking().size());
                for (int g = 0; g < ballot.ranking().size(); g++) {
                    for (String id : ballot.ranking().get(g)) {
                        level[indexOf(options, id)] = g;
                    }
                }
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        if (level[a] < level[b]) {
                            votes[a][b]++;
                        }
                    }
                }
            }
            // a defeat strength as a pair compared winning votes first, then the negated losing votes
            long[][][] path = new long[n][n][];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (a != b) {
                        path[a][b] = defeatStrength(votes[a][b], votes[b][a], strength);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == j) {
                        continue;
                    }
                    for (int k = 0; k < n; k++) {
                        if (k == i || k == j) {
                            continue;
                        }
                        long[] through = weaker(path[j][i], path[i][k]);
                        if (compare(through, path[j][k]) > 0) {
                            path[j][k] = through;
                        }
                    }
                }
            }
            List<List<String>> ranks = new ArrayList<>();
            boolean[] ranked = new boolean[n];
            int done = 0;
            while (done < n) {
                List<Integer> winners = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (ranked[i]) {
                        continue;
                    }
                    boolean someoneBetter = false;
                    for (int j = 0; j < n; j++) {
                        if (i != j && !ranked[j] && compare(path[j][i], path[i][j]) > 0) {
                            someoneBetter = true;
                        }
                    }
                    if (!someoneBetter) {
                        winners.add(i);
                    }
                }
                List<String> rank = new ArrayList<>();
                for (int i : winners) {
                    ranked[i] = true;
                    rank.add(options.get(i).id());
                }
                done += winners.size();
                ranks.add(rank);
            }
            // "simple" tie-breaking: the lowest id of the best rank (ids are in option order here)
            return new Result(votes, ranks, ranks.get(0).get(0));
        }

        private static long[] defeatStrength(long positive, long negative, Strength strength) {
            if (positive > negative) {
                return strength == Strength.SIMPLE ? new long[]{positive, 0} : new long[]{positive, -negative};
            }
            if (strength == Strength.TUPLE && positive < negative) {
                return new long[]{-1, 0};
            }
            return new long[]{0, 0};
        }

        private static long[] weaker(long[] x, long[] y) {
            return compare(x, y) <= 0 ? x : y;
        }

        private static int compare(long[] x, long[] y) {
            return x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]);
        }

        private static int indexOf(List<ProposalOption> options, String id) {
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).id().equals(id)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(id);
        }
    }
}
