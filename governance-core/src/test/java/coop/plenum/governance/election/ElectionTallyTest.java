package coop.plenum.governance.election;

import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.voting.Voter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Voting methods", ELECTION, from a frozen electorate to the outcome (docs/tally.md "ELECTION: outcome"). */
class ElectionTallyTest {

    private static final List<StakeholderClass> CLASSES = List.of(new StakeholderClass("workers", "Workers", 60, 50),
            new StakeholderClass("users", "Users", 40, 20), new StakeholderClass("investors", "Investors", 0, 100));
    private static final Map<String, List<String>> CANDIDATES = Map.of("workers", List.of("w1", "w2", "w3"),
            "users", List.of("u1", "u2"));
    private static final Map<String, Integer> SEATS = Map.of("workers", 2, "users", 1);

    private static Voter voter(String id, String classId, String power) {
        return new Voter(new MemberId(id), classId, new BigDecimal(power));
    }

    private static final List<Voter> ELECTORATE = List.of(voter("a", "workers", "1"), voter("b", "workers", "1"),
            voter("c", "workers", "1"), voter("d", "workers", "1"), voter("e", "users", "2"), voter("f", "users", "1"),
            voter("g", "investors", "1"));

    private static Map<MemberId, List<String>> ballots(Object... memberThenRanking) {
        Map<MemberId, List<String>> ballots = new LinkedHashMap<>();
        for (int i = 0; i < memberThenRanking.length; i += 2) {
            ballots.put(new MemberId((String) memberThenRanking[i]), List.of(((String) memberThenRanking[i + 1]).split(",")));
        }
        return ballots;
    }

    @Test
    void eachClassElectsItsOwnSeatsFromItsOwnCandidatesWithPowerAsWeight() {
        // workers (2 seats, quota 4/3): w1 2, w3 2 elected at once; users (1 seat): e's power 2 beats f's 1 for u2
        ElectionResult result = ElectionTally.count(CLASSES, SEATS, CANDIDATES, ELECTORATE,
                ballots("a", "w1", "b", "w1", "c", "w3", "d", "w3,w2", "e", "u2", "f", "u1"));
        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(result.classes()).extracting(ElectionClassResult::classId).containsExactly("workers", "users");
        assertThat(result.classes().get(0).elected()).containsExactlyInAnyOrder("w1", "w3");
        assertThat(result.classes().get(1).elected()).containsExactly("u2");
        assertThat(result.classes().get(1).participatingPower()).isEqualByComparingTo("3");
        assertThat(result.elected()).containsExactlyInAnyOrder("w1", "w3", "u2");
    }

    @Test
    void aClassWithoutSeatsIsNotContestedAndItsMembersBallotsNameNobody() {
        ElectionResult result = ElectionTally.count(CLASSES, SEATS, CANDIDATES, ELECTORATE,
                ballots("a", "w1", "b", "w1", "c", "w3", "e", "u2", "g", "w2"));
        assertThat(result.classes()).extracting(ElectionClassResult::classId).doesNotContain("investors");
        assertThat(result.classes().get(0).count().rounds().get(0).votes().get("w2").signum()).isZero();
    }

    @Test
    void aContestedClassBelowItsQuorumMeansNoQuorumAndNobodyElected() {
        // workers' quorum is 50 %: one of four voted
        ElectionResult result = ElectionTally.count(CLASSES, SEATS, CANDIDATES, ELECTORATE, ballots("a", "w1", "e", "u2"));
        assertThat(result.outcome()).isEqualTo(Outcome.NO_QUORUM);
        assertThat(result.elected()).isEmpty();
        assertThat(result.classes().get(0).quorumMet()).isFalse();
        assertThat(result.classes().get(1).quorumMet()).isTrue();
        assertThat(result.classes()).allSatisfy(c -> assertThat(c.elected()).isEmpty());
    }

    @Test
    void anElectionWithoutCandidatesElectsNobodyAndIsRejected() {
        ElectionResult result = ElectionTally.count(CLASSES, SEATS, Map.of(), ELECTORATE,
                ballots("a", "", "b", "", "e", ""));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.elected()).isEmpty();
    }

    @Test
    void aClassInWhichNobodyTookPartElectsNobodyEvenWithoutAQuorum() {
        List<StakeholderClass> noQuorums = List.of(new StakeholderClass("workers", "Workers", 60, 0),
                new StakeholderClass("users", "Users", 40, 0));
        ElectionResult result = ElectionTally.count(noQuorums, SEATS, CANDIDATES, ELECTORATE, ballots("e", "u1"));
        assertThat(result.classes().get(0).count()).isNull();
        assertThat(result.classes().get(0).elected()).isEmpty();
        assertThat(result.elected()).containsExactly("u1");
        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void theQuorumIsExact() {
        assertThat(ElectionTally.quorumMet(50, new BigDecimal("4"), new BigDecimal("2"))).isTrue();
        assertThat(ElectionTally.quorumMet(50, new BigDecimal("4"), new BigDecimal("1.999999"))).isFalse();
        assertThat(ElectionTally.quorumMet(100, BigDecimal.ZERO, BigDecimal.ZERO)).isTrue();
    }
}
