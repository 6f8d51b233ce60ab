package coop.plenum.governance.notification.query;

import coop.plenum.governance.notification.NotifiedElector;
import coop.plenum.governance.notification.QuorumShortfall;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipationTest {

    private final Map<String, String> delegates = new HashMap<>();

    /** A vote as the processor stores it: the small document, its electors and who has a ballot. */
    record Vote(VoteDocument document, List<VoteDocument.Elector> electorate, List<String> voters) {
    }

    private static Vote vote(Integer maxChain, List<String> voters, VoteDocument.Elector... electorate) {
        return new Vote(new VoteDocument("p1", "c1", "Kiln", "energy", "author", null, false, maxChain,
                List.of(new VoteDocument.ClassQuorum("workers", 50), new VoteDocument.ClassQuorum("users", 20)),
                VoteDocument.VOTING), List.of(electorate), voters);
    }

    private static VoteDocument.Elector elector(String member, String classId, String power) {
        return new VoteDocument.Elector(member, "acc-" + member, classId, new BigDecimal(power));
    }

    private Participation participation(Vote vote) {
        return new Participation(vote.document(), vote.electorate(), new java.util.HashSet<>(vote.voters()), delegates::get);
    }

    @Test
    void aDelegatesBallotCarriesEveryoneWhoseChainReachesItAndNobodyWhoVotedThemselves() {
        delegates.put("carol", "bob");
        delegates.put("dave", "carol");
        delegates.put("erin", "bob");
        Vote vote = vote(null, List.of("bob", "erin"), elector("bob", "users", "1"), elector("carol", "users", "2"),
                elector("dave", "users", "3"), elector("erin", "users", "4"));

        assertThat(participation(vote).carriedBy("bob")).extracting(VoteDocument.Elector::memberId)
                .containsExactly("carol", "dave");
    }

    @Test
    void aChainLongerThanTheChartersMaximumADelegateOutsideTheElectorateOrACycleCountsNobody() {
        delegates.put("carol", "dave");
        delegates.put("dave", "bob");
        delegates.put("frank", "outsider");
        delegates.put("gina", "hal");
        delegates.put("hal", "gina");
        Vote vote = vote(1, List.of("bob"), elector("bob", "users", "1"), elector("carol", "users", "1"),
                elector("dave", "users", "1"), elector("frank", "users", "1"), elector("gina", "users", "1"),
                elector("hal", "users", "1"));
        Participation participation = participation(vote);

        assertThat(participation.countedWith("dave")).isEqualTo("bob");
        assertThat(participation.countedWith("carol")).as("two hops, one allowed").isNull();
        assertThat(participation.countedWith("frank")).isNull();
        assertThat(participation.countedWith("gina")).isNull();
        assertThat(participation.notCounted()).extracting(NotifiedElector::memberId)
                .extracting(m -> m.value()).containsExactly("carol", "frank", "gina", "hal");
    }

    @Test
    void aClassShortOfQuorumLearnsTheExactPowerStillMissingAndAClassThatMetItIsNotShort() {
        delegates.put("carol", "bob");
        Vote vote = vote(null, List.of("bob", "walt"),
                elector("alice", "workers", "1.5"), elector("walt", "workers", "0.25"), elector("xena", "workers", "1"),
                elector("bob", "users", "1"), elector("carol", "users", "1"), elector("dave", "users", "7"));

        List<QuorumShortfall> shortfalls = participation(vote).shortfalls();

        // workers: E = 2.75, quorum 50 % → 1.375 needed, 0.25 counted → 1.125 missing; users: 2 of 9 ≥ 20 %
        assertThat(shortfalls).hasSize(1);
        QuorumShortfall workers = shortfalls.get(0);
        assertThat(workers.classId()).isEqualTo("workers");
        assertThat(workers.electoratePower()).isEqualByComparingTo("2.75");
        assertThat(workers.counted()).isEqualByComparingTo("0.25");
        assertThat(workers.missing()).isEqualByComparingTo("1.125");
    }

    @Test
    void aMaximumChainLengthOfZeroMeansUnlimited() {
        delegates.put("carol", "dave");
        delegates.put("dave", "bob");
        Vote vote = vote(0, List.of("bob"), elector("bob", "users", "1"), elector("carol", "users", "1"),
                elector("dave", "users", "1"));
        assertThat(participation(vote).countedWith("carol")).isEqualTo("bob");
    }

    @Test
    void aClassWithNoPowerDropsOutAndIsNeverShort() {
        Vote vote = vote(null, List.of("bob"), elector("bob", "users", "1"), elector("zero", "workers", "0"));
        assertThat(participation(vote).shortfalls()).isEmpty();
    }
}
