package coop.plenum.governance.options;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Ratio;
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
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Voting methods", APPROVAL and SCORE: one example per sentence. */
class OptionMethodTest {

    private static final List<ProposalOption> OPTIONS = List.of(
            new ProposalOption("a", "Alpha"), new ProposalOption("b", "Beta"), new ProposalOption("c", "Gamma"));

    private final List<StakeholderClass> classes = new ArrayList<>();
    private final List<Voter> voters = new ArrayList<>();
    private final Map<MemberId, OptionBallot> ballots = new HashMap<>();
    private final Map<MemberId, MemberId> delegations = new HashMap<>();

    private OptionMethodTest withClass(String id, int weight, int quorum) {
        classes.add(new StakeholderClass(id, id, weight, quorum));
        return this;
    }

    private OptionMethodTest members(int count, String classId, String power, OptionBallot ballot) {
        for (int i = 0; i < count; i++) {
            MemberId id = new MemberId("m" + voters.size());
            voters.add(new Voter(id, classId, new BigDecimal(power)));
            if (ballot != null) {
                ballots.put(id, ballot);
            }
        }
        return this;
    }

    private static OptionBallot approve(String... ids) {
        return OptionBallot.approving(List.of(ids));
    }

    private static OptionBallot scores(Object... idsAndScores) {
        Map<String, Integer> s = new HashMap<>();
        for (int i = 0; i < idsAndScores.length; i += 2) {
            s.put((String) idsAndScores[i], (Integer) idsAndScores[i + 1]);
        }
        return new OptionBallot(s);
    }

    private OptionTally tally(VoteMethod method, ClassRule rule) {
        Electorate electorate = new Electorate(classes, new DecisionRule(SIMPLE_MAJORITY, rule), voters);
        return OptionMethod.of(method, OPTIONS).count(electorate, delegations, 5, ballots).result();
    }

    private static Ratio score(OptionTally t, String option) {
        return t.options().stream().filter(o -> o.optionId().equals(option)).findFirst().orElseThrow().score();
    }

    @Test
    void approvalSharesAreApprovingPowerOverParticipatingPowerAndTheHighestCombinedShareWins() {
        withClass("workers", 60, 0).withClass("users", 40, 0)
                .members(3, "workers", "1", approve("a"))
                .members(1, "workers", "1", approve("a", "b"))
                .members(2, "users", "1", approve("b"));
        OptionTally t = tally(VoteMethod.APPROVAL, WEIGHTED);
        assertThat(t.classes().get(0).shares()).containsExactly(Ratio.ONE, Ratio.of(1, 4), Ratio.ZERO);
        // a: 60·1 + 40·0 = 60/100; b: 60·¼ + 40·1 = 55/100
        assertThat(score(t, "a")).isEqualTo(Ratio.of(3, 5));
        assertThat(score(t, "b")).isEqualTo(Ratio.of(11, 20));
        assertThat(t.winners()).containsExactly("a");
        assertThat(t.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void equalHighestCombinedSharesAreATieNamingEveryWinner() {
        withClass("workers", 100, 0).members(1, "workers", "1", approve("a")).members(1, "workers", "1", approve("c"));
        OptionTally t = tally(VoteMethod.APPROVAL, WEIGHTED);
        assertThat(t.outcome()).isEqualTo(Outcome.TIE);
        assertThat(t.winners()).containsExactly("a", "c");
    }

    @Test
    void aClassWithNoParticipatingPowerDropsOutAndTheOtherWeightsAreRenormalised() {
        withClass("workers", 60, 0).withClass("users", 30, 0).withClass("investors", 10, 0)
                .members(2, "workers", "1", approve("a")).members(1, "users", "1", approve("b"))
                .members(1, "users", "1", approve("a", "b")).members(3, "investors", "1", null);
        OptionTally t = tally(VoteMethod.APPROVAL, WEIGHTED);
        assertThat(t.classes().get(2).inCombination()).isFalse();
        // a: (60·1 + 30·½) / 90 = 5/6, not 75/100
        assertThat(score(t, "a")).isEqualTo(Ratio.of(5, 6));
    }

    @Test
    void everyClassMakesAnOptionEligibleOnlyWithMoreThanHalfInEveryClass() {
        withClass("workers", 90, 0).withClass("users", 10, 0)
                .members(2, "workers", "1", approve("a")).members(2, "workers", "1", approve("a", "b"))
                .members(1, "users", "1", approve("b")).members(1, "users", "1", approve("a", "b"));
        OptionTally t = tally(VoteMethod.APPROVAL, EVERY_CLASS);
        // a has the higher S (90·1 + 10·½) but only half of the users: not eligible; b has ½ of the workers: neither
        assertThat(t.options()).extracting(OptionResult::eligible).containsExactly(false, false, false);
        assertThat(t.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(t.winners()).isEmpty();
    }

    @Test
    void underEveryClassTheHighestEligibleOptionWinsEvenWhenAnIneligibleOneScoresHigher() {
        withClass("workers", 90, 0).withClass("users", 10, 0)
                .members(3, "workers", "1", approve("a", "b")).members(1, "workers", "1", approve("a"))
                .members(2, "users", "1", approve("b"));
        OptionTally t = tally(VoteMethod.APPROVAL, EVERY_CLASS);
        assertThat(score(t, "a")).isGreaterThan(score(t, "b"));
        assertThat(t.winners()).containsExactly("b");
        assertThat(t.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aMissedQuorumInOneClassIsNoQuorumWithNoWinner() {
        withClass("workers", 50, 50).withClass("users", 50, 50)
                .members(2, "workers", "1", approve("a")).members(1, "users", "1", approve("b")).members(2, "users", "1", null);
        OptionTally t = tally(VoteMethod.APPROVAL, WEIGHTED);
        assertThat(t.outcome()).isEqualTo(Outcome.NO_QUORUM);
        assertThat(t.winners()).isEmpty();
    }

    @Test
    void aScoreShareIsPowerTimesScoreOverFiveTimesParticipatingPowerAndUnscoredOptionsScoreZero() {
        withClass("workers", 100, 0)
                .members(1, "workers", "2.5", scores("a", 5, "b", 1))
                .members(1, "workers", "1.5", scores("b", 4));
        OptionTally t = tally(VoteMethod.SCORE, WEIGHTED);
        // a: 2.5·5 / (5·4) = 5/8; b: (2.5·1 + 1.5·4) / 20 = 17/40; c: 0
        assertThat(score(t, "a")).isEqualTo(Ratio.of(5, 8));
        assertThat(score(t, "b")).isEqualTo(Ratio.of(17, 40));
        assertThat(score(t, "c")).isEqualTo(Ratio.ZERO);
        assertThat(t.classes().get(0).sums()).containsExactly(new BigDecimal("12.500000"),
                new BigDecimal("8.500000"), new BigDecimal("0.000000"));
        assertThat(t.winners()).containsExactly("a");
    }

    @Test
    void aDelegatesBallotCountsForTheDelegatorInTheDelegatorsOwnClass() {
        withClass("workers", 50, 0).withClass("users", 50, 0)
                .members(1, "workers", "1", approve("a"))
                .members(1, "users", "1", approve("b"))
                .members(1, "users", "3", null);
        delegations.put(new MemberId("m2"), new MemberId("m0"));
        OptionTally t = tally(VoteMethod.APPROVAL, WEIGHTED);
        // users: m1 (1) approves b, m2 (3) counts with m0's ballot for a: s_users(a) = 3/4
        assertThat(t.classes().get(1).shares()).containsExactly(Ratio.of(3, 4), Ratio.of(1, 4), Ratio.ZERO);
        assertThat(t.winners()).containsExactly("a");
    }

    @Test
    void noApprovalForAnyOptionIsRejectedNotATieOfEveryOption() {
        withClass("workers", 100, 0).members(3, "workers", "1", approve());
        OptionTally t = tally(VoteMethod.APPROVAL, WEIGHTED);
        assertThat(t.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(t.winners()).isEmpty();
    }

    @Test
    void noParticipationAtAllIsRejectedWhenTheQuorumIsZero() {
        withClass("workers", 100, 0).members(3, "workers", "1", null);
        OptionTally t = tally(VoteMethod.SCORE, WEIGHTED);
        assertThat(t.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(t.options()).extracting(OptionResult::score).containsOnlyNulls();
    }
}
