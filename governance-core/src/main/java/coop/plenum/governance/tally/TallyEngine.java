package coop.plenum.governance.tally;

import coop.plenum.governance.cooperative.StakeholderClass;
import coop.plenum.governance.membership.MemberId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * SPEC "Tally": counts an electorate's ballots into a {@link Tally}. Pure Java and exact: no floating point, no
 * clock, no storage. A {@link VoteResolution} first decides with which choice each member's power counts (own
 * ballot only, or following delegations); {@link #count} then applies the class, quorum, approval and threshold
 * rules of {@link TallyRules}.
 */
public final class TallyEngine {

    private final VoteResolution resolution;

    public TallyEngine(VoteResolution resolution) {
        this.resolution = Objects.requireNonNull(resolution, "resolution");
    }

    /** An engine that counts a member's power only with their own ballot. */
    public static TallyEngine directBallotsOnly() {
        return new TallyEngine(new DirectBallotsOnly());
    }

    /** Resolves {@code ballots} (the last ballot of each member who cast one) and counts them. */
    public Tally tally(Electorate electorate, Map<MemberId, Choice> ballots) {
        return count(electorate, resolution.resolve(electorate, ballots));
    }

    /**
     * Counts already-resolved votes. Each must belong to an electorate member, with that member's own class and
     * power, at most once per member.
     */
    public static Tally count(Electorate electorate, Collection<CountedVote> votes) {
        assertVotesBelongToTheElectorate(electorate, votes);
        Map<String, ClassSums> sums = new HashMap<>();
        for (Voter v : electorate.voters()) {
            ClassSums s = sums.computeIfAbsent(v.classId(), id -> new ClassSums());
            s.electorate = s.electorate.add(v.power());
        }
        for (CountedVote vote : votes) {
            ClassSums s = sums.computeIfAbsent(vote.classId(), id -> new ClassSums());
            switch (vote.choice()) {
                case YES -> s.yes = s.yes.add(vote.power());
                case NO -> s.no = s.no.add(vote.power());
                case ABSTAIN -> s.abstain = s.abstain.add(vote.power());
            }
        }
        return fromSums(electorate.classes(), electorate.decision(), sums);
    }

    /** Per class: electorate power and the power counted YES, NO and ABSTAIN. */
    public static final class ClassSums {
        public BigDecimal electorate = BigDecimal.ZERO;
        public BigDecimal yes = BigDecimal.ZERO;
        public BigDecimal no = BigDecimal.ZERO;
        public BigDecimal abstain = BigDecimal.ZERO;
    }

    /** Applies the class, quorum, approval and threshold rules to per-class sums (classes without sums have none). */
    public static Tally fromSums(List<StakeholderClass> classes, coop.plenum.governance.cooperative.DecisionRule decision,
                                 Map<String, ClassSums> sums) {
        List<ClassTally> tallies = new ArrayList<>();
        boolean everyRemainingClassMetQuorum = true;
        for (StakeholderClass c : classes) {
            ClassTally tally = classTally(c, sums.getOrDefault(c.id(), new ClassSums()));
            everyRemainingClassMetQuorum &= tally.quorumMet();
            tallies.add(tally);
        }
        Ratio approval = TallyRules.overallApproval(decision.classRule(), tallies);
        Outcome outcome = TallyRules.outcome(everyRemainingClassMetQuorum, decision.threshold(), approval);
        return new Tally(tallies, approval, outcome);
    }

    private static ClassTally classTally(StakeholderClass c, ClassSums s) {
        BigDecimal electoratePower = s.electorate;
        BigDecimal yes = s.yes;
        BigDecimal no = s.no;
        BigDecimal abstain = s.abstain;
        if (TallyRules.classesWithNoElectoratePowerDropOut(electoratePower)) {
            return new ClassTally(c.id(), c.weight(), c.quorum(), electoratePower, yes, no, abstain,
                    null, null, true, true);
        }
        Ratio participation = TallyRules.participation(yes.add(no).add(abstain), electoratePower);
        return new ClassTally(c.id(), c.weight(), c.quorum(), electoratePower, yes, no, abstain,
                participation, TallyRules.approval(yes, no), TallyRules.quorumIsMet(participation, c.quorum()), false);
    }

    private static void assertVotesBelongToTheElectorate(Electorate electorate, Collection<CountedVote> votes) {
        Map<MemberId, Voter> voters = new HashMap<>();
        electorate.voters().forEach(v -> voters.put(v.memberId(), v));
        Set<MemberId> counted = new HashSet<>();
        for (CountedVote vote : votes) {
            Voter voter = voters.get(vote.memberId());
            if (voter == null) {
                throw new IllegalArgumentException(vote.memberId() + " is not in the electorate");
            }
            if (!voter.classId().equals(vote.classId()) || voter.power().compareTo(vote.power()) != 0) {
                throw new IllegalArgumentException(vote.memberId() + " counts with their own class and power only");
            }
            if (!counted.add(vote.memberId())) {
                throw new IllegalArgumentException(vote.memberId() + " is counted twice");
            }
        }
    }
}
