package coop.plenum.governance.tally;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.ClassSums;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Ratio;
import coop.plenum.governance.voting.VoteCount;
import coop.plenum.governance.voting.VotingMethod;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SPEC "Tally", the YES_NO method: per class the power counted YES, NO and ABSTAIN; quorum, class approvals, their
 * combination under WEIGHTED or EVERY_CLASS and the threshold, one rule per method of {@link TallyRules}. Its
 * explanation is the {@link Tally} itself: every class's E, Y, N, A, participation, approval and quorum.
 */
public final class YesNo implements VotingMethod<Choice, Tally> {

    public static final YesNo METHOD = new YesNo();

    private static final int YES = Choice.YES.ordinal();
    private static final int NO = Choice.NO.ordinal();
    private static final int ABSTAIN = Choice.ABSTAIN.ordinal();

    private YesNo() {
    }

    /** The count of a YES/NO vote: see {@link VoteCount#open}. */
    public static VoteCount<Choice, Tally> count(Electorate electorate, Map<MemberId, MemberId> delegateOf, Integer maxChainLength,
                                                 Map<MemberId, Choice> ballots) {
        return VoteCount.open(METHOD, electorate, delegateOf, maxChainLength, ballots);
    }

    /** Each member's power counted only with their own ballot. */
    public static Tally directBallotsOnly(Electorate electorate, Map<MemberId, Choice> ballots) {
        return count(electorate, Map.of(), 0, ballots).result();
    }

    @Override
    public Class<Choice> ballotType() {
        return Choice.class;
    }

    @Override
    public int sums() {
        return Choice.values().length;
    }

    @Override
    public void count(Choice ballot, Sums into) {
        into.add(ballot.ordinal(), 1);
    }

    @Override
    public Tally result(Electorate electorate, List<ClassSums> classes) {
        List<ClassTally> tallies = new ArrayList<>();
        boolean everyRemainingClassMetQuorum = true;
        for (ClassSums sums : classes) {
            ClassTally tally = classTally(sums);
            everyRemainingClassMetQuorum &= tally.quorumMet();
            tallies.add(tally);
        }
        Ratio approval = TallyRules.overallApproval(electorate.decision().classRule(), tallies);
        Outcome outcome = TallyRules.outcome(everyRemainingClassMetQuorum, electorate.decision().threshold(), approval);
        return new Tally(tallies, approval, outcome);
    }

    private static ClassTally classTally(ClassSums s) {
        StakeholderClass c = s.stakeholderClass();
        BigDecimal electoratePower = s.electoratePower();
        BigDecimal yes = s.sum(YES);
        BigDecimal no = s.sum(NO);
        BigDecimal abstain = s.sum(ABSTAIN);
        if (TallyRules.classesWithNoElectoratePowerDropOut(electoratePower)) {
            return new ClassTally(c.id(), c.weight(), c.quorum(), electoratePower, yes, no, abstain,
                    null, null, true, true);
        }
        Ratio participation = TallyRules.participation(s.participating(), electoratePower);
        return new ClassTally(c.id(), c.weight(), c.quorum(), electoratePower, yes, no, abstain,
                participation, TallyRules.approval(yes, no), TallyRules.quorumIsMet(participation, c.quorum()), false);
    }
}
