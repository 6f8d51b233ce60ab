package coop.plenum.governance.tally;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.CountedVote;
import coop.plenum.governance.voting.Delegations;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Provenance;
import coop.plenum.governance.voting.VoteCount;
import coop.plenum.governance.voting.Voter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resolver against a brute-force reference that walks every member's chain with a visited set, on random
 * delegation graphs: cycles, long chains, global and topic delegations, delegates outside the electorate, maximum
 * chain lengths.
 */
class DelegationPropertiesTest {

    private static final List<StakeholderClass> CLASSES = List.of(new StakeholderClass("a", "A", 50, 0),
            new StakeholderClass("b", "B", 50, 0));
    private static final DecisionRule DECISION = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);
    private static final String TOPIC = "energy";

    record Scenario(Electorate electorate, Delegations delegations, Map<MemberId, Choice> ballots, int maxChainLength) {
    }

    @Provide
    Arbitrary<Scenario> graphs() {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 60);
        return size.flatMap(n -> {
            // members 0..n-1 are in the electorate, n..n+4 are not (joined later)
            Arbitrary<List<Integer>> globalTargets = Arbitraries.integers().between(-1, n + 4).list().ofSize(n + 5);
            Arbitrary<List<Integer>> topicTargets = Arbitraries.integers().between(-2, n + 4).list().ofSize(n + 5);
            Arbitrary<List<Integer>> choices = Arbitraries.integers().between(-3, 2).list().ofSize(n);
            Arbitrary<List<Integer>> classes = Arbitraries.integers().between(0, 1).list().ofSize(n);
            Arbitrary<Integer> max = Arbitraries.integers().between(0, 6);
            Arbitrary<Boolean> chainy = Arbitraries.of(true, false);
            return Combinators.combine(globalTargets, topicTargets, choices, classes, max, chainy)
                    .as((global, topic, choice, cls, maxLen, longChains) -> scenario(n, global, topic, choice, cls, maxLen, longChains));
        });
    }

    private static Scenario scenario(int n, List<Integer> global, List<Integer> topic, List<Integer> choice, List<Integer> cls,
                                     int max, boolean longChains) {
        List<Voter> voters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            voters.add(new Voter(id(i), cls.get(i) == 0 ? "a" : "b", BigDecimal.valueOf(i % 3 + 1)));
        }
        Map<MemberId, Map<String, MemberId>> byDelegator = new HashMap<>();
        for (int i = 0; i < n + 5; i++) {
            Map<String, MemberId> scopes = new HashMap<>();
            // long chains: most members delegate to the next one
            int g = longChains && i + 1 < n && global.get(i) % 4 != 0 ? i + 1 : global.get(i);
            if (g >= 0 && g != i) {
                scopes.put(Delegations.GLOBAL, id(g));
            }
            int t = topic.get(i);
            if (t >= 0 && t != i) {
                scopes.put(t % 3 == 0 ? "finance" : TOPIC, id(t));
            }
            if (!scopes.isEmpty()) {
                byDelegator.put(id(i), scopes);
            }
        }
        Map<MemberId, Choice> ballots = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (choice.get(i) >= 0) {
                ballots.put(id(i), Choice.values()[choice.get(i)]);
            }
        }
        return new Scenario(new Electorate(CLASSES, DECISION, voters), new Delegations(byDelegator), ballots, max);
    }

    private static MemberId id(int i) {
        return new MemberId("m" + i);
    }

    private static VoteCount<Choice, Tally> count(Scenario s) {
        return YesNo.count(s.electorate(), s.delegations().forTopic(TOPIC), s.maxChainLength(), s.ballots());
    }

    /** Walks each chain hop by hop with a visited set: obviously right, quadratic, no shared code. */
    private static Map<MemberId, CountedVote<Choice>> reference(Scenario s) {
        Set<MemberId> electorate = new HashSet<>();
        s.electorate().voters().forEach(v -> electorate.add(v.memberId()));
        Map<MemberId, CountedVote<Choice>> counted = new HashMap<>();
        for (Voter voter : s.electorate().voters()) {
            MemberId x = voter.memberId();
            Set<MemberId> visited = new HashSet<>(List.of(x));
            int hops = 0;
            while (true) {
                Choice own = s.ballots().get(x);
                if (own != null) {
                    if (s.maxChainLength() == 0 || hops <= s.maxChainLength()) {
                        counted.put(voter.memberId(), new CountedVote<>(voter.memberId(), voter.classId(), voter.power(), own, x));
                    }
                    break;
                }
                Map<String, MemberId> scopes = s.delegations().byDelegator().getOrDefault(x, Map.of());
                MemberId next = scopes.containsKey(TOPIC) ? scopes.get(TOPIC) : scopes.get(Delegations.GLOBAL);
                if (next == null || !electorate.contains(next) || !visited.add(next)) {
                    break;
                }
                hops++;
                x = next;
            }
        }
        return counted;
    }

    @Property(tries = 5000)
    void theResolverCountsExactlyWhatTheBruteForceReferenceCounts(@ForAll("graphs") Scenario s) {
        List<CountedVote<Choice>> actual = count(s).countedVotes();
        Map<MemberId, CountedVote<Choice>> expected = reference(s);
        assertThat(actual).hasSize(expected.size());
        for (CountedVote<Choice> vote : actual) {
            assertThat(vote).isEqualTo(expected.get(vote.memberId()));
        }
    }

    @Property(tries = 3000)
    void everyMembersProvenanceAgreesWithWhatWasCounted(@ForAll("graphs") Scenario s) {
        var resolved = count(s);
        Map<MemberId, CountedVote<Choice>> counted = new HashMap<>();
        resolved.countedVotes().forEach(v -> counted.put(v.memberId(), v));
        for (Voter voter : s.electorate().voters()) {
            Provenance<Choice> p = resolved.provenance(voter.memberId());
            CountedVote<Choice> vote = counted.get(voter.memberId());
            assertThat(p.counted()).isEqualTo(vote != null);
            if (vote != null) {
                assertThat(p.choice()).isEqualTo(vote.choice());
                assertThat(p.castBy()).isEqualTo(vote.castBy());
                assertThat(p.chain().get(p.chain().size() - 1)).isEqualTo(vote.castBy());
                assertThat(p.chain()).hasSize(p.hops() + 1);
            }
            if (p.kind() == Provenance.Kind.CYCLE) {
                assertThat(p.cycle()).isNotEmpty().allSatisfy(member -> assertThat(s.ballots()).doesNotContainKey(member));
            }
        }
    }

    @Property(tries = 2000)
    void aDirectBallotAlwaysCountsForItsVoterAndNeverTwice(@ForAll("graphs") Scenario s) {
        List<CountedVote<Choice>> votes = count(s).countedVotes();
        Set<MemberId> seen = new HashSet<>();
        for (CountedVote<Choice> v : votes) {
            assertThat(seen.add(v.memberId())).isTrue();
        }
        s.ballots().forEach((member, choice) -> assertThat(votes).anySatisfy(v -> {
            assertThat(v.memberId()).isEqualTo(member);
            assertThat(v.isDirect()).isTrue();
            assertThat(v.choice()).isEqualTo(choice);
        }));
    }
}
