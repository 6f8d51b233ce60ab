package coop.plenum.governance.tally;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.CountedVote;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Ratio;
import coop.plenum.governance.voting.VoteCount;
import coop.plenum.governance.voting.Voter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static coop.plenum.governance.charter.ClassRule.EVERY_CLASS;
import static coop.plenum.governance.charter.ClassRule.WEIGHTED;
import static coop.plenum.governance.charter.Threshold.SIMPLE_MAJORITY;
import static coop.plenum.governance.charter.Threshold.TWO_THIRDS;
import static coop.plenum.governance.tally.Choice.ABSTAIN;
import static coop.plenum.governance.tally.Choice.NO;
import static coop.plenum.governance.tally.Choice.YES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC "Tally", one example per rule. Each test builds its own electorate: classes, then members and their ballots. */
class YesNoTest {

    private final List<StakeholderClass> classes = new ArrayList<>();
    private final List<Voter> voters = new ArrayList<>();
    private final Map<MemberId, Choice> ballots = new HashMap<>();

    private YesNoTest withClass(String id, int weight, int quorum) {
        classes.add(new StakeholderClass(id, id, weight, quorum));
        return this;
    }

    /** {@code count} members of {@code classId}, each with {@code power}, each casting {@code choice} (null: no ballot). */
    private YesNoTest members(int count, String classId, String power, Choice choice) {
        for (int i = 0; i < count; i++) {
            MemberId id = new MemberId("m" + voters.size());
            voters.add(new Voter(id, classId, new BigDecimal(power)));
            if (choice != null) {
                ballots.put(id, choice);
            }
        }
        return this;
    }

    private Electorate electorate(Threshold threshold, ClassRule rule) {
        return new Electorate(classes, new DecisionRule(threshold, rule), voters);
    }

    private Tally tally(Threshold threshold, ClassRule rule) {
        return YesNo.directBallotsOnly(electorate(threshold, rule), ballots);
    }

    private static ClassTally classOf(Tally tally, String classId) {
        return tally.forClass(classId).orElseThrow();
    }

    @Test
    void classesWithNoElectoratePowerDropOutAndWeightsAreRenormalised() {
        withClass("workers", 60, 50).withClass("users", 30, 50).withClass("investors", 10, 100);
        members(1, "workers", "1", YES).members(1, "workers", "1", NO).members(2, "users", "1", YES);

        Tally tally = tally(TWO_THIRDS, WEIGHTED);

        ClassTally investors = classOf(tally, "investors");
        assertThat(investors.droppedOut()).isTrue();
        assertThat(investors.electoratePower()).isZero();
        assertThat(investors.participation()).isNull();
        assertThat(investors.approval()).isNull();
        assertThat(investors.quorumMet()).as("a dropped-out class never stands in the way").isTrue();
        // (60·1/2 + 30·1) / (60 + 30) = 2/3; without renormalising it would be 60/100
        assertThat(tally.approval()).isEqualTo(Ratio.of(2, 3));
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aClassWhoseMembersAllHaveNoPowerDropsOutToo() {
        withClass("workers", 50, 50).withClass("users", 50, 100);
        members(3, "workers", "1", YES).members(4, "users", "0", null);

        Tally tally = tally(SIMPLE_MAJORITY, WEIGHTED);

        assertThat(classOf(tally, "users").droppedOut()).isTrue();
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void quorumIsMissedInOneClassMeansNoQuorum() {
        withClass("workers", 50, 50).withClass("users", 50, 50);
        members(2, "workers", "1", YES).members(1, "users", "1", YES).members(2, "users", "1", null);

        Tally tally = tally(SIMPLE_MAJORITY, WEIGHTED);

        assertThat(classOf(tally, "workers").quorumMet()).isTrue();
        assertThat(classOf(tally, "users").quorumMet()).isFalse();
        assertThat(classOf(tally, "users").participation()).isEqualTo(Ratio.of(1, 3));
        assertThat(tally.quorumMet()).isFalse();
        assertThat(tally.outcome()).isEqualTo(Outcome.NO_QUORUM);
        assertThat(tally.approval()).as("still reported, for information").isEqualTo(Ratio.ONE);
    }

    @Test
    void quorumIsMetAtExactlyTheQuorumShare() {
        withClass("workers", 100, 50);
        members(1, "workers", "1", YES).members(1, "workers", "1", NO).members(2, "workers", "1", null);
        assertThat(classOf(tally(SIMPLE_MAJORITY, WEIGHTED), "workers").quorumMet()).as("2/4 ≥ 50%").isTrue();
    }

    @Test
    void quorumIsComparedExactly() {
        withClass("a", 50, 33).withClass("b", 50, 34);
        members(1, "a", "1", YES).members(2, "a", "1", null).members(1, "b", "1", YES).members(2, "b", "1", null);

        Tally tally = tally(SIMPLE_MAJORITY, WEIGHTED);

        assertThat(classOf(tally, "a").quorumMet()).as("1/3 ≥ 33/100").isTrue();
        assertThat(classOf(tally, "b").quorumMet()).as("1/3 < 34/100").isFalse();
    }

    @Test
    void abstentionsCountTowardsQuorumButNotTowardsApproval() {
        withClass("workers", 100, 100);
        members(1, "workers", "1", YES).members(2, "workers", "1", ABSTAIN);

        Tally tally = tally(TWO_THIRDS, WEIGHTED);

        ClassTally workers = classOf(tally, "workers");
        assertThat(workers.abstain()).isEqualByComparingTo("2");
        assertThat(workers.participation()).isEqualTo(Ratio.ONE);
        assertThat(workers.approval()).isEqualTo(Ratio.ONE);
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void membersWhoCastNoBallotCountInElectoratePowerOnly() {
        withClass("workers", 100, 0);
        members(1, "workers", "2", YES).members(1, "workers", "1", NO).members(1, "workers", "5", null);

        ClassTally workers = classOf(tally(SIMPLE_MAJORITY, WEIGHTED), "workers");

        assertThat(workers.electoratePower()).isEqualByComparingTo("8");
        assertThat(workers.turnout()).isEqualByComparingTo("3");
        assertThat(workers.participation()).isEqualTo(Ratio.of(3, 8));
        assertThat(workers.approval()).isEqualTo(Ratio.of(2, 3));
    }

    @Test
    void aClassWithNoYesOrNoDropsOutOfTheApprovalStep() {
        withClass("workers", 50, 0).withClass("users", 50, 0);
        members(3, "workers", "1", YES).members(1, "workers", "1", NO).members(2, "users", "1", ABSTAIN);

        Tally tally = tally(TWO_THIRDS, WEIGHTED);

        assertThat(classOf(tally, "users").approval()).isNull();
        assertThat(classOf(tally, "users").inApprovalStep()).isFalse();
        assertThat(tally.approval()).as("users' weight is renormalised away, not counted as 0").isEqualTo(Ratio.of(3, 4));
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void everyClassDroppingOutOfApprovalIsRejected() {
        withClass("workers", 50, 50).withClass("users", 50, 50);
        members(2, "workers", "1", ABSTAIN).members(2, "users", "1", ABSTAIN);

        for (ClassRule rule : ClassRule.values()) {
            Tally tally = tally(SIMPLE_MAJORITY, rule);
            assertThat(tally.quorumMet()).isTrue();
            assertThat(tally.approval()).isNull();
            assertThat(tally.outcome()).as(rule.name()).isEqualTo(Outcome.REJECTED);
        }
    }

    @Test
    void anElectorateWithoutAnyPowerIsRejected() {
        withClass("workers", 100, 100);
        assertThat(tally(SIMPLE_MAJORITY, WEIGHTED).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(tally(SIMPLE_MAJORITY, EVERY_CLASS).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void weightedApprovalIsTheWeightedMeanOfClassApprovals() {
        withClass("workers", 60, 0).withClass("users", 40, 0);
        members(1, "workers", "1", YES).members(2, "workers", "1", NO).members(1, "users", "1", YES);

        Tally tally = tally(SIMPLE_MAJORITY, WEIGHTED);

        // 60/100 · 1/3 + 40/100 · 1 = 3/5
        assertThat(tally.approval()).isEqualTo(Ratio.of(3, 5));
        assertThat(tally.approval().toDecimalString(6)).isEqualTo("0.600000");
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void everyClassRequiresEachRemainingClassToPass() {
        withClass("workers", 60, 0).withClass("users", 40, 0);
        members(1, "workers", "1", YES).members(2, "workers", "1", NO).members(1, "users", "1", YES);

        Tally tally = tally(SIMPLE_MAJORITY, EVERY_CLASS);

        assertThat(tally.approval()).as("the lowest class approval").isEqualTo(Ratio.of(1, 3));
        assertThat(tally.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void everyClassAcceptsWhenEachRemainingClassPasses() {
        withClass("workers", 60, 0).withClass("users", 40, 0).withClass("investors", 0, 0);
        members(2, "workers", "1", YES).members(1, "workers", "1", NO).members(1, "users", "1", YES)
                .members(1, "investors", "1", ABSTAIN);

        Tally tally = tally(SIMPLE_MAJORITY, EVERY_CLASS);

        assertThat(tally.approval()).isEqualTo(Ratio.of(2, 3));
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void simpleMajorityNeedsStrictlyMoreThanHalf() {
        withClass("workers", 100, 0);
        members(1, "workers", "1", YES).members(1, "workers", "1", NO);
        assertThat(tally(SIMPLE_MAJORITY, WEIGHTED).approval()).isEqualTo(Ratio.ONE_HALF);
        assertThat(tally(SIMPLE_MAJORITY, WEIGHTED).outcome()).isEqualTo(Outcome.REJECTED);

        members(1, "workers", "0.000001", YES);
        assertThat(tally(SIMPLE_MAJORITY, WEIGHTED).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aTieBetweenClassesIsRejected() {
        withClass("workers", 50, 0).withClass("users", 50, 0);
        members(3, "workers", "1", YES).members(2, "users", "1", NO);

        Tally tally = tally(SIMPLE_MAJORITY, WEIGHTED);

        assertThat(tally.approval()).isEqualTo(Ratio.ONE_HALF);
        assertThat(tally.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void aTwoThirdsThresholdPassesAtExactlyTwoThirds() {
        withClass("workers", 100, 0);
        members(2, "workers", "1", YES).members(1, "workers", "1", NO);

        Tally tally = tally(TWO_THIRDS, WEIGHTED);

        assertThat(tally.approval()).isEqualTo(Ratio.TWO_THIRDS);
        assertThat(tally.approval().toDecimalString(6)).isEqualTo("0.666667");
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aTwoThirdsThresholdFailsJustBelowTwoThirds() {
        withClass("workers", 100, 0);
        members(1, "workers", "0.666666", YES).members(1, "workers", "0.333334", NO);
        assertThat(tally(TWO_THIRDS, WEIGHTED).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(tally(TWO_THIRDS, EVERY_CLASS).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void approvalIsComparedExactlyWhereFloatingPointWouldRoundUpToTwoThirds() {
        withClass("workers", 100, 0);
        members(1, "workers", "0.6666666666666666666", YES).members(1, "workers", "0.3333333333333333334", NO);
        assertThat(0.6666666666666666666 / (0.6666666666666666666 + 0.3333333333333333334) >= 2.0 / 3)
                .as("a double would let it pass").isTrue();

        Tally tally = tally(TWO_THIRDS, WEIGHTED);

        assertThat(tally.approval()).isLessThan(Ratio.TWO_THIRDS);
        assertThat(tally.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void weightedApprovalIsComparedExactly() {
        // both remaining classes approve with exactly 2/3, so A = 2/3; "others" drops out and a, b are renormalised
        withClass("a", 1, 0).withClass("b", 14, 0).withClass("others", 85, 0);
        members(2, "a", "1", YES).members(1, "a", "1", NO).members(2, "b", "1", YES).members(1, "b", "1", NO);
        double inFloatingPoint = (1 * (2.0 / 3) + 14 * (2.0 / 3)) / 15;
        assertThat(inFloatingPoint < 2.0 / 3).as("a double would reject it").isTrue();

        Tally tally = tally(TWO_THIRDS, WEIGHTED);

        assertThat(tally.approval()).isEqualTo(Ratio.TWO_THIRDS);
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void fractionalPowersAreCountedExactly() {
        withClass("workers", 100, 90);
        members(1, "workers", "12.5", YES).members(1, "workers", "6.25", NO).members(1, "workers", "1.25", null);

        Tally tally = tally(TWO_THIRDS, WEIGHTED);

        ClassTally workers = classOf(tally, "workers");
        assertThat(workers.electoratePower()).isEqualByComparingTo("20");
        assertThat(workers.yes()).isEqualByComparingTo("12.5");
        assertThat(workers.no()).isEqualByComparingTo("6.25");
        assertThat(workers.participation()).isEqualTo(Ratio.of(15, 16));
        assertThat(workers.approval()).isEqualTo(Ratio.TWO_THIRDS);
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aClassWithWeightZeroMustStillMeetQuorum() {
        withClass("workers", 100, 0).withClass("observers", 0, 50);
        members(2, "workers", "1", YES).members(2, "observers", "1", null);
        assertThat(tally(SIMPLE_MAJORITY, WEIGHTED).outcome()).isEqualTo(Outcome.NO_QUORUM);
    }

    @Test
    void aClassWithWeightZeroContributesNothingToWeightedApproval() {
        withClass("workers", 100, 0).withClass("observers", 0, 0);
        members(2, "workers", "1", YES).members(1, "workers", "1", NO).members(5, "observers", "1", NO);

        Tally tally = tally(TWO_THIRDS, WEIGHTED);

        assertThat(classOf(tally, "observers").approval()).isEqualTo(Ratio.ZERO);
        assertThat(tally.approval()).isEqualTo(Ratio.TWO_THIRDS);
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void weightedApprovalOverClassesThatAllWeighZeroIsRejected() {
        withClass("workers", 100, 0).withClass("observers", 0, 0);
        members(2, "workers", "1", ABSTAIN).members(2, "observers", "1", YES);

        Tally tally = tally(SIMPLE_MAJORITY, WEIGHTED);

        assertThat(classOf(tally, "observers").approval()).isEqualTo(Ratio.ONE);
        assertThat(tally.approval()).as("Σ w_c = 0: as if every class dropped out").isNull();
        assertThat(tally.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void aClassWithWeightZeroMustStillPassUnderEveryClass() {
        withClass("workers", 100, 0).withClass("observers", 0, 0);
        members(2, "workers", "1", YES).members(1, "observers", "1", NO);
        assertThat(tally(SIMPLE_MAJORITY, EVERY_CLASS).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(tally(SIMPLE_MAJORITY, WEIGHTED).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void theTallyListsEveryClassInCharterOrder() {
        withClass("users", 40, 0).withClass("workers", 60, 0).withClass("investors", 0, 0);
        members(1, "workers", "1", YES);
        assertThat(tally(SIMPLE_MAJORITY, WEIGHTED).classes()).extracting(ClassTally::classId)
                .containsExactly("users", "workers", "investors");
        assertThat(tally(SIMPLE_MAJORITY, WEIGHTED).classes()).extracting(ClassTally::weight).containsExactly(40, 60, 0);
    }

    @Test
    void ballotsOfMembersOutsideTheElectorateAreIgnored() {
        withClass("workers", 100, 0);
        members(1, "workers", "1", NO);
        ballots.put(new MemberId("late-admission"), YES);

        Tally tally = tally(SIMPLE_MAJORITY, WEIGHTED);

        assertThat(classOf(tally, "workers").yes()).isZero();
        assertThat(tally.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void delegatedPowerCountsWithTheDelegatesChoiceInTheDelegatorsOwnClass() {
        withClass("workers", 50, 100).withClass("users", 50, 100);
        members(1, "workers", "3", YES).members(1, "users", "2", null);
        Voter proxy = voters.get(0);
        Voter delegator = voters.get(1);

        Tally tally = YesNo.count(electorate(SIMPLE_MAJORITY, EVERY_CLASS), Map.of(delegator.memberId(), proxy.memberId()), 0, ballots)
                .result();

        assertThat(classOf(tally, "users").yes()).as("delegated power counts in the delegator's class").isEqualByComparingTo("2");
        assertThat(classOf(tally, "workers").yes()).isEqualByComparingTo("3");
        assertThat(tally.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void withoutDelegationsEachMemberCountsWithTheirOwnBallotOnly() {
        withClass("workers", 100, 0);
        members(1, "workers", "2", YES).members(1, "workers", "1", null);

        List<CountedVote<Choice>> counted = YesNo.count(electorate(SIMPLE_MAJORITY, WEIGHTED), Map.of(), 0, ballots).countedVotes();

        assertThat(counted).containsExactly(new CountedVote<>(new MemberId("m0"), "workers", new BigDecimal("2"), YES, new MemberId("m0")));
        assertThat(counted.get(0).isDirect()).isTrue();
    }

    @Test
    void aCountTakesBallotsAndDelegationsOnlyFromTheElectorate() {
        withClass("workers", 100, 0);
        members(1, "workers", "1", null);
        VoteCount<Choice, Tally> count = YesNo.count(electorate(SIMPLE_MAJORITY, WEIGHTED), Map.of(), 0, ballots);
        MemberId stranger = new MemberId("stranger");

        assertThatThrownBy(() -> count.cast(stranger, YES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in this vote's electorate");
        assertThatThrownBy(() -> count.delegate(stranger, voters.get(0).memberId()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in this vote's electorate");
        assertThat(count.result().classes().get(0).yes()).isZero();
    }

    @Test
    void powersFinerThanMicroUnitsAreSummedExactly() {
        withClass("workers", 100, 0);
        members(1, "workers", "0.6666666666666666666", YES).members(1, "workers", "0.3333333333333333334", NO)
                .members(1, "workers", "9223372036854.775807", null);

        Tally tally = tally(TWO_THIRDS, WEIGHTED);

        assertThat(classOf(tally, "workers").yes()).isEqualByComparingTo("0.6666666666666666666");
        assertThat(classOf(tally, "workers").electoratePower()).isEqualByComparingTo("9223372036855.775807");
        assertThat(tally.approval()).isEqualTo(new Ratio(new java.math.BigInteger("6666666666666666666"),
                new java.math.BigInteger("10000000000000000000")));
        assertThat(tally.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void anElectorateRefusesUnknownClassesDuplicateMembersAndNegativePower() {
        withClass("workers", 100, 0);
        DecisionRule rule = new DecisionRule(SIMPLE_MAJORITY, WEIGHTED);
        MemberId m = new MemberId("m");
        assertThatThrownBy(() -> new Electorate(classes, rule, List.of(new Voter(m, "users", BigDecimal.ONE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown class");
        assertThatThrownBy(() -> new Electorate(classes, rule,
                List.of(new Voter(m, "workers", BigDecimal.ONE), new Voter(m, "workers", BigDecimal.TEN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new Voter(m, "workers", new BigDecimal("-0.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new Electorate(List.of(new StakeholderClass("x", "X", null, 0)), rule, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight");
        assertThatThrownBy(() -> new Electorate(List.of(new StakeholderClass("x", "X", 100, 101)), rule, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quorum");
    }
}
