package coop.plenum.governance.proposal.secret;

import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.ConsentBallot;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.RankedBallot;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.RevealedBallot;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Voter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The count of a secret vote from what is public after close, the one pure step the aggregate and an offline
 * auditor ({@code DecisionReplay}) share: the electorate frozen at opening with every member who took part replaced
 * by the revealed ballots, each an anonymous voter of its class and power ("revealed ballot #n"). Delegation is off
 * in a secret vote, so nobody else's power depends on who cast which ballot, and the ordinary count of the method
 * gives the result.
 */
public final class SecretCount {

    /** The electorate to count and the ballots of each kind, keyed by the anonymous voters. */
    public record CountInput(Electorate electorate, Map<MemberId, Choice> choices, Map<MemberId, OptionBallot> optionBallots,
                          Map<MemberId, ConsentBallot> consentBallots, Map<MemberId, RankedBallot> rankedBallots) {
    }

    private SecretCount() {
    }

    /**
     * What an auditor checks before counting: one revealed ballot per member who took part, with that member's class
     * and power (who took part is public; which ballot is whose is not). Counted alone, the revealed ballots of a close
     * that dropped, added or re-weighted one would re-count to the very outcome recorded from them.
     */
    public static java.util.Optional<String> revealedDoNotMatchParticipants(Collection<ElectorateMember> electorate,
                                                                            Set<MemberId> participants,
                                                                            List<RevealedBallot> revealed) {
        if (revealed.size() != participants.size()) {
            return java.util.Optional.of(revealed.size() + " ballot(s) revealed for " + participants.size()
                    + " member(s) who took part");
        }
        Map<String, Integer> expected = new java.util.TreeMap<>();
        electorate.stream().filter(m -> participants.contains(m.memberId()))
                .forEach(m -> expected.merge(classAndPower(m.classId(), m.power()), 1, Integer::sum));
        Map<String, Integer> found = new java.util.TreeMap<>();
        revealed.forEach(b -> found.merge(classAndPower(b.classId(), b.power()), 1, Integer::sum));
        return expected.equals(found) ? java.util.Optional.empty() : java.util.Optional.of("the revealed ballots' classes and "
                + "powers " + found + " are not those of the members who took part " + expected);
    }

    private static String classAndPower(String classId, java.math.BigDecimal power) {
        return classId + " " + (power == null ? "null" : power.stripTrailingZeros().toPlainString());
    }

    public static CountInput of(ProposalId proposalId, List<StakeholderClass> classes, DecisionRule decision,
                             Collection<ElectorateMember> electorate, Set<MemberId> participants,
                             List<RevealedBallot> revealed) {
        List<Voter> voters = new ArrayList<>();
        electorate.stream().filter(m -> !participants.contains(m.memberId()))
                .forEach(m -> voters.add(new Voter(m.memberId(), m.classId(), m.power())));
        Map<MemberId, Choice> choices = new LinkedHashMap<>();
        Map<MemberId, OptionBallot> optionBallots = new LinkedHashMap<>();
        Map<MemberId, ConsentBallot> consentBallots = new LinkedHashMap<>();
        Map<MemberId, RankedBallot> rankedBallots = new LinkedHashMap<>();
        for (int i = 0; i < revealed.size(); i++) {
            RevealedBallot ballot = revealed.get(i);
            MemberId anonymous = new MemberId("revealed ballot #" + (i + 1));
            voters.add(new Voter(anonymous, ballot.classId(), ballot.power()));
            BallotCast body = ballot.asBallotOf(proposalId, anonymous);
            if (body.optionBallot() != null) {
                optionBallots.put(anonymous, body.optionBallot());
            } else if (body.rankedBallot() != null) {
                rankedBallots.put(anonymous, body.rankedBallot());
            } else if (body.consentBallot() != null) {
                consentBallots.put(anonymous, body.consentBallot());
            } else if (body.choice() != null) {
                choices.put(anonymous, body.choice());
            }
        }
        return new CountInput(new Electorate(classes, decision, voters), choices, optionBallots, consentBallots, rankedBallots);
    }
}
