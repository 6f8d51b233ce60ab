package coop.plenum.governance.options;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Voter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static coop.plenum.governance.options.ConsentChoice.CONSENT;
import static coop.plenum.governance.options.ConsentChoice.OBJECT;
import static coop.plenum.governance.options.ConsentChoice.STAND_ASIDE;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Voting methods", CONSENT: one example per sentence. */
class ConsentMethodTest {

    private final List<StakeholderClass> classes = new ArrayList<>(List.of(
            new StakeholderClass("workers", "Workers", 60, 50), new StakeholderClass("users", "Users", 40, 0)));
    private final List<Voter> voters = new ArrayList<>();
    private final Map<MemberId, ConsentBallot> ballots = new HashMap<>();
    private final Map<MemberId, MemberId> delegations = new HashMap<>();

    private MemberId member(String classId, String power, ConsentChoice choice, String reason) {
        MemberId id = new MemberId("m" + voters.size());
        voters.add(new Voter(id, classId, new BigDecimal(power)));
        if (choice != null) {
            ballots.put(id, new ConsentBallot(choice, reason));
        }
        return id;
    }

    private ConsentTally tally() {
        Electorate electorate = new Electorate(classes, new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED), voters);
        return ConsentMethod.tally(ConsentMethod.count(electorate, delegations, 5, ballots));
    }

    @Test
    void withoutAnyObjectionAndWithQuorumTheProposalIsAccepted() {
        member("workers", "1", CONSENT, null);
        member("workers", "1", STAND_ASIDE, null);
        member("users", "1", CONSENT, null);
        ConsentTally t = tally();
        assertThat(t.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(t.classes().get(0).consent()).isEqualByComparingTo("1");
        assertThat(t.classes().get(0).standAside()).isEqualByComparingTo("1");
    }

    @Test
    void oneObjectionStandingRejectsAndIsListedWithItsReason() {
        member("workers", "5", CONSENT, null);
        MemberId objector = member("users", "1", OBJECT, "the roof cannot carry it");
        ConsentTally t = tally();
        assertThat(t.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(t.objections()).containsExactly(new Objection(objector, "users", "the roof cannot carry it"));
    }

    @Test
    void aMissedQuorumIsNoQuorumEvenWithAnObjection() {
        member("workers", "1", OBJECT, "no");
        member("workers", "1", null, null);
        member("workers", "1", null, null);
        assertThat(tally().outcome()).isEqualTo(Outcome.NO_QUORUM);
    }

    @Test
    void objectionsArePersonalSoAChainEndingAtAnObjectorCountsAsStandingAside() {
        MemberId objector = member("workers", "1", OBJECT, "too expensive");
        MemberId delegator = member("users", "2", null, null);
        delegations.put(delegator, objector);
        ConsentTally t = tally();
        assertThat(t.classes().get(1).standAside()).isEqualByComparingTo("2");
        assertThat(t.classes().get(1).object()).isEqualByComparingTo("0");
        assertThat(t.objections()).extracting(Objection::memberId).containsExactly(objector);
    }

    @Test
    void aDelegatedConsentCountsAsConsentInTheDelegatorsClass() {
        MemberId delegate = member("workers", "1", CONSENT, null);
        MemberId delegator = member("users", "3", null, null);
        delegations.put(delegator, delegate);
        ConsentTally t = tally();
        assertThat(t.classes().get(1).consent()).isEqualByComparingTo("3");
        assertThat(t.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void anObjectorWithNoVotingPowerStillBlocks() {
        member("workers", "1", CONSENT, null);
        member("users", "0", OBJECT, "I was not heard");
        assertThat(tally().outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void nobodyTakingPartIsRejectedEvenWhenNoQuorumIsRequired() {
        classes.set(0, new StakeholderClass("workers", "Workers", 60, 0));
        member("workers", "1", null, null);
        assertThat(tally().outcome()).isEqualTo(Outcome.REJECTED);
    }
}
