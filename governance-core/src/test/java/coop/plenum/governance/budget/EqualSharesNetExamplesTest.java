package coop.plenum.governance.budget;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Ratio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked examples of equalshares.net's "Explanation of the Method of Equal Shares" page (repository
 * equalshares/equalshares.net, docs/explanation.mdx), written down here as data: one class, equal power (except
 * where the page's picture needs unequal leftovers, made here with powers), its figures checked against ours.
 *
 * <p>The page's cost split ("as equally as possible", the water-filling picture) is SPEC's {@code rho} and agrees
 * figure for figure. Its Examples 1 and 2 do <b>not</b> fund what SPEC's rule funds, for a reason of rule, not of
 * arithmetic: the page (and its code snippets, and the pabutools call it recommends, {@code Cost_Sat}) buys the
 * project with the highest "effective vote count", cost ÷ the largest payment, i.e. the least payment <em>per unit
 * of cost</em>; SPEC buys "in order of the least per-supporter payment", i.e. the least payment per approved project
 * (one unit of satisfaction per approved project, as in the committee example of Lackner and Skowron that
 * {@code BudgetCountTest} checks; with equal costs the two orders coincide). With costs from 100 to 700 the cheap
 * projects' small payments come first under SPEC. Each test states the page's outcome and asserts SPEC's, worked by
 * hand in the comments.
 *
 * <p>Completion differs too: the page's add-one stops at an <em>exhaustive</em> outcome (no unfunded project fits the
 * leftover) and then fills up greedily by vote count; SPEC's add-one keeps raising while the outcome stays within the
 * budget, and fills nothing greedily.
 */
class EqualSharesNetExamplesTest {

    static final List<StakeholderClass> ONE_CLASS = List.of(new StakeholderClass("all", "All", 1, 0));
    static final BigDecimal BUDGET = BigDecimal.valueOf(1100);

    static final List<BudgetProject> PROJECTS = List.of(project("bike", 700), project("gym", 400),
            project("park", 250), project("playground", 200), project("library", 100));

    static BudgetProject project(String id, long cost) {
        return new BudgetProject(id, BigDecimal.valueOf(cost));
    }

    static MemberId v(int i) {
        return new MemberId("v" + i);
    }

    static Ratio r(long num, long den) {
        return Ratio.of(num, den);
    }

    /**
     * The page's table, voters left to right v1–v11: bike path (700) v1–v6 and v11, outdoor gym (400) v1–v6, new park
     * (250) v2, v4, v5, v7, v10, new playground (200) v7–v10, library for kids (100) v7, v9, v10 (vote counts 7, 6, 5,
     * 4, 3). Example 2 moves v11's vote from the bike path to the gym.
     */
    static List<BudgetBallot> ballots(boolean example2) {
        List<Set<String>> approvals = List.of(
                Set.of("bike", "gym"),
                Set.of("bike", "gym", "park"),
                Set.of("bike", "gym"),
                Set.of("bike", "gym", "park"),
                Set.of("bike", "gym", "park"),
                Set.of("bike", "gym"),
                Set.of("park", "playground", "library"),
                Set.of("playground"),
                Set.of("playground", "library"),
                Set.of("park", "playground", "library"),
                Set.of(example2 ? "gym" : "bike"));
        List<BudgetBallot> ballots = new ArrayList<>();
        for (int i = 0; i < approvals.size(); i++) {
            ballots.add(new BudgetBallot(v(i + 1), "all", BigDecimal.ONE, approvals.get(i)));
        }
        return ballots;
    }

    static BudgetResult splitOne(long cost, long budget, Map<String, String> powersAndApprovals) {
        List<BudgetBallot> ballots = new ArrayList<>();
        powersAndApprovals.forEach((member, power) -> ballots.add(new BudgetBallot(new MemberId(member), "all",
                new BigDecimal(power), member.startsWith("s") ? Set.of("p") : Set.of())));
        return EqualShares.count(BigDecimal.valueOf(budget), List.of(project("p", cost)), ONE_CLASS, ballots, null);
    }

    /**
     * The page's water-filling example: five supporters with 10, 10, 10, 20 and 30 left (here their starting shares:
     * powers 1, 1, 1, 2, 3 of a budget of 100, with a non-supporter of power 2 holding the other 20). Up to a cost of
     * 50 the cost splits equally; between 50 and 80 the three with 10 pay all they have and the other two share the
     * rest; above 80 the project is unaffordable. And its other picture: supporters with 5, 5, 30, 30, 30 and a cost
     * of 50 pay 5, 5 and 40/3 each.
     */
    @Test
    void theCostIsSplitAsEquallyAsPossibleAsThePagesWaterFillingExampleShows() {
        Map<String, String> fiveSupporters = new LinkedHashMap<>();
        fiveSupporters.put("s1", "1");
        fiveSupporters.put("s2", "1");
        fiveSupporters.put("s3", "1");
        fiveSupporters.put("s4", "2");
        fiveSupporters.put("s5", "3");
        fiveSupporters.put("other", "2");

        Purchase equal = splitOne(50, 100, fiveSupporters).funded().get(0);
        assertThat(equal.rho()).isEqualTo(r(10, 1));
        assertThat(equal.payments().values()).containsOnly(r(10, 1)).hasSize(5);

        Purchase between = splitOne(65, 100, fiveSupporters).funded().get(0);
        // 3 × 10 + 2 × 17.5 = 65
        assertThat(between.rho()).isEqualTo(r(35, 2));
        assertThat(between.payments().get(new MemberId("s1"))).isEqualTo(r(10, 1));
        assertThat(between.payments().get(new MemberId("s5"))).isEqualTo(r(35, 2));

        Purchase everything = splitOne(80, 100, fiveSupporters).funded().get(0);
        assertThat(everything.rho()).isEqualTo(r(30, 1));
        assertThat(everything.payments().get(new MemberId("s4"))).isEqualTo(r(20, 1));

        assertThat(splitOne(81, 100, fiveSupporters).funded()).isEmpty();

        // shares 5, 5, 30, 30, 30 (a unit of 5 per power) and a non-supporter with 10: 5 + 5 + 3 × 40/3 = 50
        Map<String, String> twoNearlySpent = new LinkedHashMap<>();
        twoNearlySpent.put("s1", "1");
        twoNearlySpent.put("s2", "1");
        twoNearlySpent.put("s3", "6");
        twoNearlySpent.put("s4", "6");
        twoNearlySpent.put("s5", "6");
        twoNearlySpent.put("other", "2");
        Purchase nearlySpent = splitOne(50, 110, twoNearlySpent).funded().get(0);
        assertThat(nearlySpent.rho()).isEqualTo(r(40, 3));
        assertThat(nearlySpent.payments().get(new MemberId("s1"))).isEqualTo(r(5, 1));
        assertThat(nearlySpent.payments().get(new MemberId("s3"))).isEqualTo(r(40, 3));
    }

    /**
     * Example 1. The page: shares of 100; the bike path has the highest effective vote count (7) and is bought at
     * 100 per supporter, then the playground (4, at 50), then the library (3, at 100/3): bike path, playground,
     * library, 1,000 spent. It also says the usual greedy count funds the bike path and the gym (1,100).
     *
     * <p>SPEC's least per-supporter payment, shares of 100: library 100/3 (v7, v9, v10), then park and playground
     * both at 50, the park first by its higher approval (5 to 4): v2, v4, v5, v7, v10 pay 50. Then the gym: v2, v4, v5
     * have 50, so v1, v3, v6 pay (400 − 150)/3 = 250/3; the playground: v7 and v10 have 50/3 left, v9 200/3, so v8
     * pays 200 − 100/3 − 200/3 = 100; the gym's 250/3 is less, it goes first. The bike path's supporters then hold
     * 3 × 50/3 + 100 = 150 &lt; 700. Library, park, gym, playground: 950 spent.
     */
    @Test
    void example1UnderSpecsLeastPaymentFundsLibraryParkGymAndPlaygroundWhereThePageFundsBikePlaygroundLibrary() {
        BudgetResult result = EqualShares.count(BUDGET, PROJECTS, ONE_CLASS, ballots(false), null);

        assertThat(result.fundedIds()).containsExactly("library", "park", "gym", "playground");
        assertThat(result.funded()).extracting(Purchase::rho)
                .containsExactly(r(100, 3), r(50, 1), r(250, 3), r(100, 1));
        Purchase gym = result.funded().get(2);
        assertThat(gym.payments().get(v(2))).isEqualTo(r(50, 1));
        assertThat(gym.payments().get(v(1))).isEqualTo(r(250, 3));
        Purchase playground = result.funded().get(3);
        assertThat(playground.payments()).containsOnly(Map.entry(v(7), r(50, 3)), Map.entry(v(8), r(100, 1)),
                Map.entry(v(9), r(200, 3)), Map.entry(v(10), r(50, 3)));
        assertThat(result.spent()).isEqualTo(r(950, 1));
        assertThat(result.shares().get(v(1))).isEqualTo(r(100, 1));
        // the page's "most cities" count, side by side
        assertThat(result.greedy()).containsExactly("bike", "gym");
        assertThat(result.greedySpent()).isEqualTo(r(1100, 1));
    }

    /**
     * Example 1 with add-one. The page's outcome (1,000 spent, 100 left, nothing unfunded costs 100 or less) is
     * exhaustive, so its completion keeps it. SPEC's raises every share by 1 while the outcome stays within 1,100:
     * at a share s the order becomes library, park, playground (all supporters can now pay 50), gym (400/6); the bike
     * path's supporters then hold 3(s − 200/3) + 3(s − 50 − 200/3) + s = 7s − 550, short of 700 up to s = 178 and
     * enough at s = 179 (1,650 &gt; 1,100). So k = 78, the same four projects, 950 spent.
     */
    @Test
    void example1WithAddOneRaisesTheSharesTo178AndKeepsTheSameFourProjects() {
        BudgetResult result = EqualShares.count(BUDGET, PROJECTS, ONE_CLASS, ballots(false), BigDecimal.ONE);

        assertThat(result.completionSteps()).isEqualTo(78);
        assertThat(result.shares().get(v(1))).isEqualTo(r(178, 1));
        assertThat(result.fundedIds()).containsExactly("library", "park", "playground", "gym");
        assertThat(result.funded()).extracting(Purchase::rho)
                .containsExactly(r(100, 3), r(50, 1), r(50, 1), r(200, 3));
        assertThat(result.spent()).isEqualTo(r(950, 1));
    }

    /**
     * Example 2 (v11 votes for the gym, not the bike path). The page: the gym first (7 votes, 400/7 each), the bike
     * path unaffordable (6 × 300/7 &lt; 700), then the park (effective vote count about 4.1: three supporters pay their
     * 300/7, two pay the rest), then the playground (about 3.2); the library is then unaffordable: gym, park,
     * playground, 850 spent.
     *
     * <p>SPEC: library 100/3 and park 50 as in Example 1; then the gym, whose supporters v2, v4, v5 have 50 left: the
     * other four (v1, v3, v6, v11) pay (400 − 150)/4 = 125/2, less than the playground's 100 (as in Example 1). The
     * bike path's supporters then hold 3 × 75/2 &lt; 700. Library, park, gym, playground: 950 spent.
     */
    @Test
    void example2UnderSpecsLeastPaymentFundsLibraryParkGymAndPlaygroundWhereThePageFundsGymParkPlayground() {
        BudgetResult result = EqualShares.count(BUDGET, PROJECTS, ONE_CLASS, ballots(true), null);

        assertThat(result.fundedIds()).containsExactly("library", "park", "gym", "playground");
        assertThat(result.funded()).extracting(Purchase::rho)
                .containsExactly(r(100, 3), r(50, 1), r(125, 2), r(100, 1));
        assertThat(result.funded().get(2).payments().get(v(11))).isEqualTo(r(125, 2));
        assertThat(result.spent()).isEqualTo(r(950, 1));
    }

    /**
     * Example 2 with add-one: at a share s the gym comes last at 400/7 (all seven can pay it) and the bike path's
     * supporters then hold 3(s − 400/7) + 3(s − 50 − 400/7) = 6s − 3450/7, short of 700 up to s = 198 and enough at
     * s = 199 (1,650 &gt; 1,100): k = 98, the same four projects. The gym's 400/7 per supporter is the page's first
     * payment too, but there it is the first purchase and here the last.
     */
    @Test
    void example2WithAddOneRaisesTheSharesTo198AndKeepsTheSameFourProjects() {
        BudgetResult result = EqualShares.count(BUDGET, PROJECTS, ONE_CLASS, ballots(true), BigDecimal.ONE);

        assertThat(result.completionSteps()).isEqualTo(98);
        assertThat(result.fundedIds()).containsExactly("library", "park", "playground", "gym");
        assertThat(result.funded().get(3).rho()).isEqualTo(r(400, 7));
        assertThat(result.spent()).isEqualTo(r(950, 1));
    }
}
