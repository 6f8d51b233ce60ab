package coop.plenum.governance.budget;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Ratio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Method of Equal Shares (SPEC "Voting methods", BUDGET), one example per rule, worked by hand in comments. */
class EqualSharesTest {

    static final List<StakeholderClass> ONE_CLASS = List.of(new StakeholderClass("members", "Members", 100, 0));

    static BudgetProject project(String id, long cost) {
        return new BudgetProject(id, BigDecimal.valueOf(cost));
    }

    static BudgetBallot ballot(String member, String... approved) {
        return new BudgetBallot(new MemberId(member), "members", BigDecimal.ONE, Set.of(approved));
    }

    static Ratio r(long num, long den) {
        return Ratio.of(num, den);
    }

    /**
     * The motivating example of the equal-shares literature, small: 6 "red" members approve only R1–R5, 4 "blue"
     * members only B1–B5, every project costs 20, the budget is 100 (a share of 10 each). Red projects cost each red
     * member 20/6 = 10/3, blue ones cost each blue member 20/4 = 5: R1, R2, R3 (red members are then out of money),
     * then B1, B2 (blue members too). 60 % of the members decide 60 % of the budget. The greedy rule funds R1–R5.
     * Add-one: with a share s, red affords ⌊6s/20⌋ projects and blue ⌊4s/20⌋; s = 11 and 13 still fund 3 + 2, s = 14
     * funds 4 + 2 = 120 > 100, so the completion stops at k = 3 (virtual budget 130) with the same five projects.
     */
    @Test
    void aGroupDecidesItsShareOfTheBudgetWhereGreedyGivesTheMajorityEverything() {
        List<BudgetProject> projects = new ArrayList<>();
        for (String colour : List.of("R", "B")) {
            for (int i = 1; i <= 5; i++) {
                projects.add(project(colour + i, 20));
            }
        }
        List<BudgetBallot> ballots = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ballots.add(ballot("red" + i, "R1", "R2", "R3", "R4", "R5"));
        }
        for (int i = 0; i < 4; i++) {
            ballots.add(ballot("blue" + i, "B1", "B2", "B3", "B4", "B5"));
        }

        BudgetResult result = EqualShares.count(BigDecimal.valueOf(100), projects, ONE_CLASS, ballots, BigDecimal.ONE);

        assertThat(result.fundedIds()).containsExactly("R1", "R2", "R3", "B1", "B2");
        assertThat(result.funded().get(0).rho()).isEqualTo(r(10, 3));
        assertThat(result.funded().get(3).rho()).isEqualTo(r(5, 1));
        assertThat(result.funded().get(0).payments().get(new MemberId("red0"))).isEqualTo(r(10, 3));
        assertThat(result.spent()).isEqualTo(r(100, 1));
        assertThat(result.leftover()).isEqualTo(Ratio.ZERO);
        assertThat(result.completionSteps()).isEqualTo(3);
        assertThat(result.virtualBudget()).isEqualTo(r(130, 1));
        assertThat(result.greedy()).containsExactly("R1", "R2", "R3", "R4", "R5");
    }

    /**
     * Budget 100, 4 members (share 25). Z (30) is approved by all: 7.5 each; X (60) by m1–m3: 20 each; Y (40) by m4
     * alone. Z is bought first (7.5 < 20), then X is unaffordable (3 × 17.5 = 52.5 < 60): spent 30. Add-one (+1 per
     * member per step): X becomes affordable once s − 7.5 ≥ 20 (s = 28, k = 3), Y once s − 7.5 ≥ 40 (s = 48, k = 23),
     * which would cost 130 > 100: the result is k = 22 (virtual budget 188), Z and X, spent 90, leftover 10.
     */
    @Test
    void addOneRaisesTheSharesUniformlyWhileTheOutcomeStaysWithinTheBudget() {
        List<BudgetProject> projects = List.of(project("X", 60), project("Y", 40), project("Z", 30));
        List<BudgetBallot> ballots = List.of(ballot("m1", "X", "Z"), ballot("m2", "X", "Z"), ballot("m3", "X", "Z"),
                ballot("m4", "Y", "Z"));

        BudgetResult plain = EqualShares.count(BigDecimal.valueOf(100), projects, ONE_CLASS, ballots, null);
        BudgetResult completed = EqualShares.count(BigDecimal.valueOf(100), projects, ONE_CLASS, ballots, BigDecimal.ONE);

        assertThat(plain.fundedIds()).containsExactly("Z");
        assertThat(plain.leftover()).isEqualTo(r(70, 1));
        assertThat(completed.fundedIds()).containsExactly("Z", "X");
        assertThat(completed.completionSteps()).isEqualTo(22);
        assertThat(completed.virtualBudget()).isEqualTo(r(188, 1));
        assertThat(completed.shares().get(new MemberId("m4"))).isEqualTo(r(47, 1));
        assertThat(completed.spent()).isEqualTo(r(90, 1));
        assertThat(completed.leftover()).isEqualTo(r(10, 1));
        assertThat(completed.funded().get(1).payments()).containsEntry(new MemberId("m1"), r(20, 1))
                .doesNotContainKey(new MemberId("m4"));
        assertThat(completed.greedy()).containsExactly("Z", "X");
    }

    /**
     * Budget 40; a has power 1 (share 10), b power 3 (share 30). P (24), approved by both: an even split (12) is more
     * than a has, so a pays all 10 and b the remaining 14: rho = 14.
     */
    @Test
    void eachSupporterPaysAtMostWhatTheyHaveLeft() {
        List<BudgetBallot> ballots = List.of(new BudgetBallot(new MemberId("a"), "members", BigDecimal.ONE, Set.of("P")),
                new BudgetBallot(new MemberId("b"), "members", BigDecimal.valueOf(3), Set.of("P")));

        BudgetResult result = EqualShares.count(BigDecimal.valueOf(40), List.of(project("P", 24)), ONE_CLASS, ballots, null);

        assertThat(result.shares()).containsEntry(new MemberId("a"), r(10, 1)).containsEntry(new MemberId("b"), r(30, 1));
        Purchase p = result.funded().get(0);
        assertThat(p.rho()).isEqualTo(r(14, 1));
        assertThat(p.payments()).containsEntry(new MemberId("a"), r(10, 1)).containsEntry(new MemberId("b"), r(14, 1));
    }

    /**
     * Workers 50, users 30, investors 20; no investor took part, so the weights renormalise over 80: the one worker's
     * share is 100 × 50/80 = 62.5, each of the four users' 100 × 30/80 / 4 = 9.375. W (60, the worker's) is bought;
     * U (40, the users') is not (4 × 9.375 = 37.5). Add-one (+5 per step, 5 members): at k = 2 (virtual budget 110)
     * a user has 10.3125, U (rho 10) is bought before W (rho 60), and with both funded there is nothing left to buy.
     */
    @Test
    void sharesAreWeightedByClassAndClassesWithoutParticipationDropOut() {
        List<StakeholderClass> classes = List.of(new StakeholderClass("workers", "Workers", 50, 0),
                new StakeholderClass("users", "Users", 30, 0), new StakeholderClass("investors", "Investors", 20, 0));
        List<BudgetBallot> ballots = new ArrayList<>();
        ballots.add(new BudgetBallot(new MemberId("w"), "workers", BigDecimal.ONE, Set.of("W")));
        for (int i = 0; i < 4; i++) {
            ballots.add(new BudgetBallot(new MemberId("u" + i), "users", BigDecimal.ONE, Set.of("U")));
        }
        List<BudgetProject> projects = List.of(project("W", 60), project("U", 40));

        BudgetResult plain = EqualShares.count(BigDecimal.valueOf(100), projects, classes, ballots, null);
        BudgetResult completed = EqualShares.count(BigDecimal.valueOf(100), projects, classes, ballots, BigDecimal.ONE);

        assertThat(plain.shares()).containsEntry(new MemberId("w"), r(125, 2)).containsEntry(new MemberId("u0"), r(75, 8));
        assertThat(plain.fundedIds()).containsExactly("W");
        assertThat(completed.fundedIds()).containsExactly("U", "W");
        assertThat(completed.completionSteps()).isEqualTo(2);
        assertThat(completed.funded().get(0).rho()).isEqualTo(r(10, 1));
        assertThat(completed.leftover()).isEqualTo(Ratio.ZERO);
        // approval scores: W = 50/80 × 1, U = 30/80 × 1, so greedy takes W first, then U still fits
        assertThat(completed.approval()).containsEntry("W", r(5, 8)).containsEntry("U", r(3, 8));
        assertThat(completed.greedy()).containsExactly("W", "U");
    }

    /** Budget 100 among 3: a share of 100/3 each, exactly; a 50 project of all three costs each 50/3. */
    @Test
    void sharesAndPaymentsAreExactFractions() {
        BudgetResult result = EqualShares.count(BigDecimal.valueOf(100), List.of(project("P", 50)), ONE_CLASS,
                List.of(ballot("a", "P"), ballot("b", "P"), ballot("c", "P")), null);

        assertThat(result.shares().get(new MemberId("a"))).isEqualTo(r(100, 3));
        assertThat(result.funded().get(0).rho()).isEqualTo(r(50, 3));
    }

    @Test
    void malformedInputIsRefused() {
        assertThatThrownBy(() -> project("P", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EqualShares.count(BigDecimal.TEN, List.of(project("P", 5)), ONE_CLASS,
                List.of(ballot("a", "Q")), null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Q");
        assertThatThrownBy(() -> EqualShares.count(BigDecimal.TEN, List.of(project("P", 5)), ONE_CLASS,
                List.of(ballot("a", "P"), ballot("a", "P")), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
