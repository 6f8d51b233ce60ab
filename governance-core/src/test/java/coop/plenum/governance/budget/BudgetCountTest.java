package coop.plenum.governance.budget;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Ratio;
import coop.plenum.governance.voting.Voter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BUDGET's count (SPEC "Voting methods", BUDGET): the published example, and the tally's reading of SPEC sentence by
 * sentence on the one voting path (delegation, classes, quorum, greedy side by side).
 */
class BudgetCountTest {

    static final DecisionRule RULE = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);

    static ProposalOption project(String id, long cost) {
        return new ProposalOption(id, "Project " + id, BigDecimal.valueOf(cost));
    }

    static OptionBallot approving(String... ids) {
        return OptionBallot.approving(List.of(ids));
    }

    /**
     * Published data: Example 1 of Lackner and Skowron, "Multi-Winner Voting with Approval Preferences" (Springer
     * 2023), as the abcvoting library's expected output for the book's Example 11 prints it: 12 voters, candidates
     * a–g, committee size 4 (a budget of 4, every candidate costing 1), profile 3×{a,b}, 3×{a,c}, 2×{a,d}, 1×{b,c,f},
     * 1×{e}, 1×{f}, 1×{g}. Phase 1 (the Method of Equal Shares itself) starts every voter with 1/3, adds a with
     * "maximum cost per voter q = 1/8", leaves its 8 supporters 5/24 each, and adds nothing more (the library then
     * completes with seq-Phragmén, which Plenum does not: it completes by add-one, which here changes nothing because
     * one raise already buys more than the budget).
     */
    @Test
    void thePublishedCommitteeExampleBuysOnlyAAtOneEighthPerSupporter() {
        List<BudgetProject> projects = new ArrayList<>();
        for (String c : List.of("a", "b", "c", "d", "e", "f", "g")) {
            projects.add(new BudgetProject(c, BigDecimal.ONE));
        }
        List<Set<String>> profile = new ArrayList<>();
        for (int i = 0; i < 3; i++) profile.add(Set.of("a", "b"));
        for (int i = 0; i < 3; i++) profile.add(Set.of("a", "c"));
        for (int i = 0; i < 2; i++) profile.add(Set.of("a", "d"));
        profile.add(Set.of("b", "c", "f"));
        profile.add(Set.of("e"));
        profile.add(Set.of("f"));
        profile.add(Set.of("g"));
        List<BudgetBallot> ballots = new ArrayList<>();
        for (int i = 0; i < profile.size(); i++) {
            ballots.add(new BudgetBallot(new MemberId("v" + i), "all", BigDecimal.ONE, profile.get(i)));
        }
        List<StakeholderClass> one = List.of(new StakeholderClass("all", "All", 1, 0));

        BudgetResult plain = EqualShares.count(BigDecimal.valueOf(4), projects, one, ballots, null);
        assertThat(plain.fundedIds()).containsExactly("a");
        assertThat(plain.funded().get(0).rho()).isEqualTo(Ratio.of(1, 8));
        assertThat(plain.funded().get(0).payments()).hasSize(8).allSatisfy((m, paid) -> assertThat(paid).isEqualTo(Ratio.of(1, 8)));
        assertThat(plain.shares().get(new MemberId("v0"))).isEqualTo(Ratio.of(1, 3));
        assertThat(plain.leftover()).isEqualTo(Ratio.of(3, 1));

        BudgetResult completed = EqualShares.count(BigDecimal.valueOf(4), projects, one, ballots, BigDecimal.ONE);
        assertThat(completed.fundedIds()).containsExactly("a");
        assertThat(completed.completionSteps()).isZero();
    }

    private static Electorate electorate(List<StakeholderClass> classes, Voter... voters) {
        return new Electorate(classes, RULE, List.of(voters));
    }

    private static Voter voter(String id, String classId, String power) {
        return new Voter(new MemberId(id), classId, new BigDecimal(power));
    }

    static final List<StakeholderClass> WORKERS_AND_USERS = List.of(new StakeholderClass("workers", "Workers", 60, 0),
            new StakeholderClass("users", "Users", 40, 20));
    static final List<ProposalOption> PROJECTS = List.of(project("garden", 60), project("bikes", 40), project("roof", 90));
    static final ProposalBudget BUDGET = new ProposalBudget(BigDecimal.valueOf(100), "EUR");

    @Test
    void eachMembersShareIsTheBudgetTimesTheClassWeightTimesTheirPartOfTheClassesParticipatingPower() {
        // users: ann (power 3) and ben (power 1) share the users' 40 as 30 and 10; the workers' 60 all goes to wes
        Electorate e = electorate(WORKERS_AND_USERS, voter("wes", "workers", "1"), voter("ann", "users", "3"),
                voter("ben", "users", "1"));
        Map<MemberId, OptionBallot> ballots = new LinkedHashMap<>();
        ballots.put(new MemberId("wes"), approving("garden"));
        ballots.put(new MemberId("ann"), approving("bikes"));
        ballots.put(new MemberId("ben"), approving("bikes"));
        BudgetTally tally = BudgetCount.count(BUDGET, PROJECTS, e, Map.of(), 0, ballots);
        assertThat(tally.funded()).containsExactly("bikes", "garden");
        BudgetTally.Project bikes = tally.projects().get(1);
        // bikes cost 40: ann pays her 30, ben his 10 (rho 30: nobody pays more than their share)
        assertThat(bikes.perSupporter()).isEqualTo(Ratio.of(30, 1));
        assertThat(bikes.payers()).isEqualTo(2L);
        assertThat(bikes.paid()).isEqualTo(Ratio.of(40, 1));
        assertThat(tally.spent()).isEqualTo(Ratio.of(100, 1));
        assertThat(tally.leftover()).isEqualTo(Ratio.ZERO);
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void theTallyReportsWhatTheGreedyRuleWouldHaveFundedSideBySide() {
        Electorate e = electorate(WORKERS_AND_USERS, voter("wes", "workers", "1"), voter("ann", "users", "1"));
        Map<MemberId, OptionBallot> ballots = Map.of(new MemberId("wes"), approving("garden", "roof"),
                new MemberId("ann"), approving("bikes", "roof"));
        BudgetTally tally = BudgetCount.count(BUDGET, PROJECTS, e, Map.of(), 0, ballots);
        assertThat(tally.funded()).containsExactly("bikes", "garden");
        assertThat(tally.greedy()).containsExactly("roof");
        assertThat(tally.greedySpent()).isEqualTo(Ratio.of(90, 1));
        assertThat(tally.projects()).extracting(BudgetTally.Project::greedyFunded).containsExactly(false, false, true);
        assertThat(tally.projects().get(2).approval()).isEqualTo(Ratio.ONE);
        assertThat(tally.projects().get(2).funded()).isFalse();
        assertThat(tally.projects().get(2).perSupporter()).isNull();
    }

    @Test
    void aDelegatorsShareFollowsTheirChainToTheFirstMemberWhoVoted() {
        // ann delegates to ben, who delegates to wes; wes approves the roof: the users' 40 pays for it with wes's 50
        Electorate e = electorate(WORKERS_AND_USERS, voter("wes", "workers", "1"), voter("ann", "users", "1"),
                voter("ben", "users", "1"));
        Map<MemberId, MemberId> delegations = Map.of(new MemberId("ann"), new MemberId("ben"),
                new MemberId("ben"), new MemberId("wes"));
        BudgetTally tally = BudgetCount.count(BUDGET, PROJECTS, e, delegations, 0,
                Map.of(new MemberId("wes"), approving("roof")));
        assertThat(tally.funded()).containsExactly("roof");
        assertThat(tally.projects().get(2).supporters()).isEqualTo(3);
        assertThat(tally.projects().get(2).payers()).isEqualTo(3);
        // a chain longer than allowed does not count: with at most 1 hop, ann's power stays out (users: ben only)
        BudgetTally shortChains = BudgetCount.count(BUDGET, PROJECTS, e, delegations, 1,
                Map.of(new MemberId("wes"), approving("roof")));
        assertThat(shortChains.projects().get(2).supporters()).isEqualTo(2);
    }

    @Test
    void aClassBelowItsQuorumMeansNoQuorumWhateverWouldBeFunded() {
        Electorate e = electorate(WORKERS_AND_USERS, voter("wes", "workers", "1"), voter("ann", "users", "1"));
        BudgetTally tally = BudgetCount.count(BUDGET, PROJECTS, e, Map.of(), 0, Map.of(new MemberId("wes"), approving("garden")));
        assertThat(tally.outcome()).isEqualTo(Outcome.NO_QUORUM);
        assertThat(tally.funded()).containsExactly("garden");
        assertThat(tally.winners()).isEmpty();
    }

    @Test
    void nothingFundedIsRejected() {
        Electorate e = electorate(WORKERS_AND_USERS, voter("wes", "workers", "1"), voter("ann", "users", "1"));
        BudgetTally tally = BudgetCount.count(BUDGET, PROJECTS, e, Map.of(), 0,
                Map.of(new MemberId("wes"), approving(), new MemberId("ann"), approving()));
        assertThat(tally.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(tally.leftover()).isEqualTo(Ratio.of(100, 1));
    }

    @Test
    void leftoverBudgetIsCompletedByRaisingTheSharesUniformly() {
        // one class, 4 members of equal power, budget 100: shares of 25. p (cost 60) is approved by 2 members (50 <
        // 60): not affordable at first; raising each share by 1 per step, at 30 each it is bought, leaving 40 unspent.
        List<StakeholderClass> one = List.of(new StakeholderClass("all", "All", 1, 0));
        Electorate e = electorate(one, voter("a", "all", "1"), voter("b", "all", "1"), voter("c", "all", "1"),
                voter("d", "all", "1"));
        BudgetTally tally = BudgetCount.count(BUDGET, List.of(project("p", 60), project("q", 50)), e, Map.of(), 0,
                Map.of(new MemberId("a"), approving("p"), new MemberId("b"), approving("p"),
                        new MemberId("c"), approving(), new MemberId("d"), approving()));
        assertThat(tally.funded()).containsExactly("p");
        assertThat(tally.completionSteps()).isPositive();
        assertThat(tally.virtualBudget()).isEqualTo(Ratio.of(100 + 4L * tally.completionSteps(), 1));
        assertThat(tally.leftover()).isEqualTo(Ratio.of(40, 1));
    }
}
