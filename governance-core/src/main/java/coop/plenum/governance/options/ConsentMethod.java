package coop.plenum.governance.options;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.ClassSums;
import coop.plenum.governance.voting.CountedVote;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Ratio;
import coop.plenum.governance.voting.VoteCount;
import coop.plenum.governance.voting.VotingMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SPEC "Voting methods", CONSENT: per class the power counted CONSENT, STAND_ASIDE and OBJECT. Objections are
 * personal: a delegator whose chain ends at an objector counts as STAND_ASIDE ({@link #asDelegated}). Outcome:
 * NO_QUORUM by the quorum rule, else REJECTED if any objection stands, else ACCEPTED.
 * <p>
 * Which objections stand is read from the counted votes ({@link #tally}), not from power sums, so an objector whose
 * voting power happened to be 0 still blocks; the per-class sums are the explanation.
 */
public final class ConsentMethod implements VotingMethod<ConsentBallot, ConsentClassTallies> {

    public static final ConsentMethod METHOD = new ConsentMethod();

    private static final int CONSENT = ConsentChoice.CONSENT.ordinal();
    private static final int STAND_ASIDE = ConsentChoice.STAND_ASIDE.ordinal();
    private static final int OBJECT = ConsentChoice.OBJECT.ordinal();

    private ConsentMethod() {
    }

    public static VoteCount<ConsentBallot, ConsentClassTallies> count(Electorate electorate, Map<MemberId, MemberId> delegateOf,
                                                                     Integer maxChainLength, Map<MemberId, ConsentBallot> ballots) {
        return VoteCount.open(METHOD, electorate, delegateOf, maxChainLength, ballots);
    }

    /** The whole consent result of a count: its class sums with the objections standing (direct OBJECT ballots). */
    public static ConsentTally tally(VoteCount<ConsentBallot, ConsentClassTallies> count) {
        ConsentClassTallies sums = count.result();
        List<Objection> objections = new ArrayList<>();
        for (CountedVote<ConsentBallot> v : count.countedVotes()) {
            if (v.isDirect() && v.choice().choice() == ConsentChoice.OBJECT) {
                objections.add(new Objection(v.memberId(), v.classId(), v.choice().reason()));
            }
        }
        Outcome outcome = !sums.quorumMet() ? Outcome.NO_QUORUM
                : !objections.isEmpty() ? Outcome.REJECTED
                : sums.anyoneTookPart() ? Outcome.ACCEPTED : Outcome.REJECTED;
        return new ConsentTally(sums.classes(), objections, outcome);
    }

    @Override
    public Class<ConsentBallot> ballotType() {
        return ConsentBallot.class;
    }

    @Override
    public int sums() {
        return ConsentChoice.values().length;
    }

    @Override
    public void count(ConsentBallot ballot, Sums into) {
        into.add(ballot.choice().ordinal(), 1);
    }

    /** Objections are personal: a delegated objection counts as standing aside. */
    @Override
    public ConsentBallot asDelegated(ConsentBallot ballot) {
        return ballot.choice() == ConsentChoice.OBJECT ? new ConsentBallot(ConsentChoice.STAND_ASIDE, null) : ballot;
    }

    @Override
    public ConsentClassTallies result(Electorate electorate, List<ClassSums> classes) {
        List<ConsentClassTally> tallies = new ArrayList<>();
        boolean anyone = false;
        for (ClassSums s : classes) {
            StakeholderClass c = s.stakeholderClass();
            if (s.electoratePower().signum() == 0) {
                tallies.add(new ConsentClassTally(c.id(), c.weight(), c.quorum(), s.electoratePower(), s.sum(CONSENT),
                        s.sum(STAND_ASIDE), s.sum(OBJECT), null, true, true));
                continue;
            }
            anyone |= s.participating().signum() > 0;
            Ratio participation = Ratio.of(s.participating(), s.electoratePower());
            tallies.add(new ConsentClassTally(c.id(), c.weight(), c.quorum(), s.electoratePower(), s.sum(CONSENT),
                    s.sum(STAND_ASIDE), s.sum(OBJECT), participation, participation.isAtLeast(Ratio.of(c.quorum(), 100)), false));
        }
        return new ConsentClassTallies(tallies, anyone);
    }
}
