package coop.plenum.governance.tally;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Delegations;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Provenance;
import coop.plenum.governance.voting.Voter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Liquid delegation", one test per sentence, on the voting core's resolution. */
class DelegationResolutionTest {

    private static final List<StakeholderClass> CLASSES = List.of(new StakeholderClass("workers", "Workers", 60, 0),
            new StakeholderClass("users", "Users", 40, 0));
    private static final DecisionRule DECISION = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);

    private static MemberId m(String id) {
        return new MemberId(id);
    }

    private static Voter worker(String id, String power) {
        return new Voter(m(id), "workers", new BigDecimal(power));
    }

    private static Voter user(String id) {
        return new Voter(m(id), "users", BigDecimal.ONE);
    }

    private static Electorate electorate(Voter... voters) {
        return new Electorate(CLASSES, DECISION, List.of(voters));
    }

    private static Map<MemberId, MemberId> delegations(String... fromTo) {
        Map<MemberId, MemberId> map = new HashMap<>();
        for (int i = 0; i < fromTo.length; i += 2) {
            map.put(m(fromTo[i]), m(fromTo[i + 1]));
        }
        return map;
    }

    private static Map<MemberId, Choice> ballots(Object... memberChoice) {
        Map<MemberId, Choice> map = new HashMap<>();
        for (int i = 0; i < memberChoice.length; i += 2) {
            map.put(m((String) memberChoice[i]), (Choice) memberChoice[i + 1]);
        }
        return map;
    }

    private static Provenance<Choice> provenance(Electorate e, Map<MemberId, MemberId> delegations, int max, Map<MemberId, Choice> ballots,
                                                 String member) {
        return YesNo.count(e, delegations, max, ballots).provenance(m(member));
    }

    @Test
    void aMembersOwnBallotCountsEvenIfTheyDelegate() {
        Electorate e = electorate(worker("a", "1"), worker("b", "1"));
        Provenance<Choice> p = provenance(e, delegations("a", "b"), 0, ballots("a", Choice.NO, "b", Choice.YES), "a");
        assertThat(p.kind()).isEqualTo(Provenance.Kind.DIRECT);
        assertThat(p.choice()).isEqualTo(Choice.NO);
    }

    @Test
    void withoutABallotTheChainIsFollowedToTheFirstMemberWhoCastOne() {
        Electorate e = electorate(worker("a", "1"), worker("b", "1"), worker("c", "1"), worker("d", "1"));
        Provenance<Choice> p = provenance(e, delegations("a", "b", "b", "c", "c", "d"), 0, ballots("c", Choice.YES, "d", Choice.NO), "a");
        assertThat(p.kind()).isEqualTo(Provenance.Kind.DELEGATED);
        assertThat(p.choice()).isEqualTo(Choice.YES);
        assertThat(p.castBy()).isEqualTo(m("c"));
        assertThat(p.chain()).containsExactly(m("a"), m("b"), m("c"));
        assertThat(p.hops()).isEqualTo(2);
    }

    @Test
    void anAbstentionAtTheEndOfTheChainCountsAsAnAbstention() {
        Electorate e = electorate(worker("a", "1"), worker("b", "1"));
        Tally t = YesNo.count(e, delegations("a", "b"), 0, ballots("b", Choice.ABSTAIN)).result();
        assertThat(t.classes().get(0).abstain()).isEqualByComparingTo("2");
    }

    @Test
    void theChainEndsWithoutCountingAtAMemberWithNoDelegation() {
        Electorate e = electorate(worker("a", "1"), worker("b", "1"), worker("c", "1"));
        Provenance<Choice> p = provenance(e, delegations("a", "b"), 0, ballots("c", Choice.YES), "a");
        assertThat(p.kind()).isEqualTo(Provenance.Kind.NO_DELEGATION);
        assertThat(p.chain()).containsExactly(m("a"), m("b"));
        assertThat(provenance(e, Map.of(), 0, ballots(), "a").kind()).isEqualTo(Provenance.Kind.NO_DELEGATION);
    }

    @Test
    void theChainEndsWithoutCountingAtAMemberOutsideTheElectorate() {
        Electorate e = electorate(worker("a", "1"), worker("b", "1"));
        // b delegates to x, who joined after voting opened; x's ballot could not exist, and the chain stops there
        Provenance<Choice> p = provenance(e, delegations("a", "b", "b", "x"), 0, ballots(), "a");
        assertThat(p.kind()).isEqualTo(Provenance.Kind.DELEGATE_NOT_IN_ELECTORATE);
        assertThat(p.chain()).containsExactly(m("a"), m("b"), m("x"));
    }

    @Test
    void theChainEndsWithoutCountingInACycleAndNamesItsMembers() {
        Electorate e = electorate(worker("a", "1"), worker("b", "1"), worker("c", "1"), worker("d", "1"));
        Provenance<Choice> p = provenance(e, delegations("a", "b", "b", "c", "c", "d", "d", "b"), 0, ballots(), "a");
        assertThat(p.kind()).isEqualTo(Provenance.Kind.CYCLE);
        assertThat(p.cycle()).containsExactlyInAnyOrder(m("b"), m("c"), m("d"));
        assertThat(p.counted()).isFalse();
    }

    @Test
    void aCycleWithABallotInItIsNoCycle() {
        Electorate e = electorate(worker("a", "1"), worker("b", "1"), worker("c", "1"));
        Provenance<Choice> p = provenance(e, delegations("a", "b", "b", "c", "c", "a"), 0, ballots("c", Choice.NO), "a");
        assertThat(p.kind()).isEqualTo(Provenance.Kind.DELEGATED);
        assertThat(p.choice()).isEqualTo(Choice.NO);
    }

    @Test
    void theChainEndsWithoutCountingAfterMoreThanMaxChainLengthHops() {
        Electorate e = electorate(worker("a", "1"), worker("b", "1"), worker("c", "1"));
        Map<MemberId, MemberId> chain = delegations("a", "b", "b", "c");
        assertThat(provenance(e, chain, 2, ballots("c", Choice.YES), "a").kind()).isEqualTo(Provenance.Kind.DELEGATED);
        Provenance<Choice> tooLong = provenance(e, chain, 1, ballots("c", Choice.YES), "a");
        assertThat(tooLong.kind()).isEqualTo(Provenance.Kind.CHAIN_TOO_LONG);
        assertThat(tooLong.hops()).isEqualTo(2);
        assertThat(provenance(e, chain, 1, ballots("c", Choice.YES), "b").kind()).isEqualTo(Provenance.Kind.DELEGATED);
        assertThat(provenance(e, chain, 0, ballots("c", Choice.YES), "a").kind()).as("0 = unlimited").isEqualTo(Provenance.Kind.DELEGATED);
    }

    @Test
    void delegatedPowerAlwaysCountsInTheDelegatorsOwnClass() {
        Electorate e = electorate(worker("w", "2.5"), user("u"));
        Tally t = YesNo.count(e, delegations("w", "u"), 0, ballots("u", Choice.YES)).result();
        assertThat(t.classes().get(0).yes()).as("workers").isEqualByComparingTo("2.5");
        assertThat(t.classes().get(1).yes()).as("users").isEqualByComparingTo("1");
    }

    @Test
    void aTopicDelegationOverridesTheGlobalOneForThatTopicOnly() {
        Delegations d = new Delegations(Map.of(m("a"), Map.of(Delegations.GLOBAL, m("b"), "energy", m("c"))));
        assertThat(d.forTopic("energy")).containsEntry(m("a"), m("c"));
        assertThat(d.forTopic("finance")).containsEntry(m("a"), m("b"));
        Delegations topicOnly = new Delegations(Map.of(m("a"), Map.of("energy", m("c"))));
        assertThat(topicOnly.forTopic("finance")).isEmpty();
    }

    @Test
    void aNonElectorMemberHasNoProvenanceInThisVote() {
        Electorate e = electorate(worker("a", "1"));
        assertThat(provenance(e, Map.of(), 0, ballots(), "late").kind()).isEqualTo(Provenance.Kind.NOT_IN_ELECTORATE);
    }

    @Test
    void aMillionHopChainResolvesWithoutOverflowingTheStack() {
        int n = 1_000_000;
        List<Voter> voters = new ArrayList<>(n);
        Map<MemberId, MemberId> chain = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            voters.add(new Voter(m("m" + i), "workers", BigDecimal.ONE));
            if (i + 1 < n) {
                chain.put(m("m" + i), m("m" + (i + 1)));
            }
        }
        Electorate e = new Electorate(CLASSES, DECISION, voters);
        var resolved = YesNo.count(e, chain, 0, ballots("m" + (n - 1), Choice.YES));
        assertThat(resolved.countedVotes()).hasSize(n);
        Provenance first = resolved.provenance(m("m0"));
        assertThat(first.hops()).isEqualTo(n - 1);
        assertThat(first.castBy()).isEqualTo(m("m" + (n - 1)));
        assertThat(first.chain()).hasSize(Provenance.MAX_SHOWN);
        // and a million-member cycle without a ballot
        chain.put(m("m" + (n - 1)), m("m0"));
        var cycle = YesNo.count(e, chain, 0, Map.of());
        assertThat(cycle.countedVotes()).isEmpty();
        assertThat(cycle.provenance(m("m5")).kind()).isEqualTo(Provenance.Kind.CYCLE);
    }
}
