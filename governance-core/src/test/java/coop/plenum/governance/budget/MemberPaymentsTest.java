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

/**
 * Issue 15, "the result lists … what each supporter paid": {@link BudgetResult#paymentsOf} tells one member what they
 * paid towards each funded project, exactly, and in total.
 */
class MemberPaymentsTest {

    private static final List<StakeholderClass> ONE_CLASS = List.of(new StakeholderClass("all", "All", 100, 0));

    private static BudgetBallot ballot(String member, String... approved) {
        return new BudgetBallot(new MemberId(member), "all", BigDecimal.ONE, Set.of(approved));
    }

    private static BudgetResult count(long budget, List<BudgetProject> projects, BudgetBallot... ballots) {
        return EqualShares.count(BigDecimal.valueOf(budget), projects, ONE_CLASS, List.of(ballots), BigDecimal.ONE);
    }

    private static BudgetProject project(String id, long cost) {
        return new BudgetProject(id, BigDecimal.valueOf(cost));
    }

    /** Shares of 100 each: the bench (30, one supporter) is bought first, then the garden (120, two supporters, 60 each). */
    private static final List<BudgetProject> GARDEN_AND_BENCH = List.of(project("garden", 120), project("bench", 30));

    @Test
    void aSupporterPaidTheirPartOfEachFundedProjectTheyApproved() {
        BudgetResult result = count(300, GARDEN_AND_BENCH, ballot("ana", "garden"), ballot("ben", "garden"), ballot("cy", "bench"));

        MemberPayments ana = result.paymentsOf(new MemberId("ana"));
        assertThat(ana.payments()).containsExactly(new MemberPayments.Payment("garden", Ratio.of(60, 1)));
        assertThat(ana.total()).isEqualTo(Ratio.of(60, 1));
        assertThat(ana.share()).isEqualTo(Ratio.of(100, 1));
        assertThat(result.paymentsOf(new MemberId("cy")).payments())
                .containsExactly(new MemberPayments.Payment("bench", Ratio.of(30, 1)));
    }

    @Test
    void paymentsAreListedInTheOrderTheProjectsWereBought() {
        BudgetResult result = count(300, GARDEN_AND_BENCH, ballot("ana", "garden", "bench"), ballot("ben", "garden"),
                ballot("cy", "bench"));

        MemberPayments ana = result.paymentsOf(new MemberId("ana"));
        assertThat(result.fundedIds()).containsExactly("bench", "garden");
        assertThat(ana.payments()).extracting(MemberPayments.Payment::projectId).containsExactly("bench", "garden");
        assertThat(ana.total()).isEqualTo(ana.payments().stream().map(MemberPayments.Payment::amount).reduce(Ratio.ZERO, Ratio::plus));
    }

    @Test
    void amountsAreExactEvenWhenTheyDoNotEndAsDecimals() {
        BudgetResult result = count(300, List.of(project("roof", 100)), ballot("ana", "roof"), ballot("ben", "roof"),
                ballot("cy", "roof"));

        for (String m : List.of("ana", "ben", "cy")) {
            assertThat(result.paymentsOf(new MemberId(m)).total()).isEqualTo(Ratio.of(100, 3));
        }
    }

    @Test
    void aMemberWhoseProjectsWereNotFundedPaidNothing() {
        BudgetResult result = count(100, List.of(project("garden", 60), project("pool", 90)),
                ballot("ana", "garden"), ballot("ben", "garden"), ballot("cy", "pool"));

        MemberPayments cy = result.paymentsOf(new MemberId("cy"));
        assertThat(result.fundedIds()).containsExactly("garden");
        assertThat(cy.tookPart()).isTrue();
        assertThat(cy.payments()).isEmpty();
        assertThat(cy.total()).isEqualTo(Ratio.ZERO);
    }

    @Test
    void aMemberWhoTookNoPartHasNoShareAndPaidNothing() {
        BudgetResult result = count(300, GARDEN_AND_BENCH, ballot("ana", "garden"), ballot("ben", "garden"));

        MemberPayments dee = result.paymentsOf(new MemberId("dee"));
        assertThat(dee.tookPart()).isFalse();
        assertThat(dee.share()).isNull();
        assertThat(dee.payments()).isEmpty();
        assertThat(dee.total()).isEqualTo(Ratio.ZERO);
    }

    @Test
    void everyMembersPaymentsTogetherAreWhatWasSpentAndNoneExceedsTheirShare() {
        List<BudgetBallot> ballots = new ArrayList<>();
        String[][] approvals = {{"a", "b"}, {"a", "c"}, {"b", "c", "d"}, {"d"}, {"a"}, {"c", "d"}, {"b"}};
        for (int i = 0; i < approvals.length; i++) {
            ballots.add(ballot("m" + i, approvals[i]));
        }
        BudgetResult result = EqualShares.count(BigDecimal.valueOf(1000), List.of(project("a", 310), project("b", 250),
                project("c", 420), project("d", 175)), ONE_CLASS, ballots, BigDecimal.ONE);

        Ratio paid = Ratio.ZERO;
        for (BudgetBallot b : ballots) {
            MemberPayments mine = result.paymentsOf(b.member());
            assertThat(mine.share().isAtLeast(mine.total())).as("%s pays at most their share", b.member()).isTrue();
            paid = paid.plus(mine.total());
        }
        assertThat(paid).isEqualTo(result.spent());
    }
}
