package coop.plenum.governance.notification.query;

import coop.plenum.governance.voting.Delegations;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walking back from the caster through who delegates to whom finds exactly the electors the chain rule, followed
 * forward from every elector, says the ballot carries: whatever the delegations (global, for the vote's topic, for
 * another topic), cycles, members outside the electorate, ballots already cast and the charter's chain limit.
 */
class CarriedByProperties {

    private static final String TOPIC = "energy";
    private static final List<String> SCOPES = List.of(Delegations.GLOBAL, TOPIC, "water");

    record Delegation(int member, String scope, int delegate) {
    }

    record World(int members, Set<Integer> outside, Set<Integer> voters, int caster, List<Delegation> delegations,
                 Integer maxChainLength) {
    }

    @Provide
    Arbitrary<World> worlds() {
        return Arbitraries.integers().between(2, 14).flatMap(n -> {
            Arbitrary<Set<Integer>> outside = Arbitraries.integers().between(0, n - 1).set().ofMaxSize(n / 3);
            Arbitrary<Set<Integer>> voters = Arbitraries.integers().between(0, n - 1).set().ofMaxSize(n / 2);
            Arbitrary<Integer> caster = Arbitraries.integers().between(0, n - 1);
            Arbitrary<Delegation> delegation = Combinators.combine(Arbitraries.integers().between(0, n - 1),
                    Arbitraries.of(SCOPES), Arbitraries.integers().between(0, n - 1)).as(Delegation::new);
            Arbitrary<List<Delegation>> delegations = delegation.list().ofMaxSize(3 * n);
            Arbitrary<Integer> limit = Arbitraries.of(-1, 0, 1, 2, 3);
            return Combinators.combine(outside, voters, caster, delegations, limit).as((out, vote, c, ds, max) -> {
                Set<Integer> in = new HashSet<>(out);
                in.remove(c);
                Set<Integer> cast = new HashSet<>(vote);
                cast.removeAll(in);
                cast.add(c);
                return new World(n, in, cast, c, ds, max < 0 ? null : max);
            });
        });
    }

    @Property(tries = 2000)
    void walkingBackFromTheCasterFindsWhoTheForwardChainRuleSaysTheBallotCarries(@ForAll("worlds") World world) {
        // the last delegation per member and scope stands, as in the log
        Map<String, Map<String, String>> byMember = new HashMap<>();
        for (Delegation d : world.delegations()) {
            if (d.member() != d.delegate()) {
                byMember.computeIfAbsent(name(d.member()), m -> new HashMap<>()).put(d.scope(), name(d.delegate()));
            }
        }
        Map<String, List<DelegatorsDocument.Delegator>> delegators = new HashMap<>();
        Map<String, DelegateDocument> forward = new HashMap<>();
        byMember.forEach((member, scopes) -> {
            List<DelegateDocument.Scoped> scoped = new ArrayList<>();
            scopes.forEach((scope, delegate) -> {
                scoped.add(new DelegateDocument.Scoped(scope, delegate));
                delegators.computeIfAbsent(delegate, x -> new ArrayList<>()).add(new DelegatorsDocument.Delegator(member, scope));
            });
            forward.put(member, new DelegateDocument("c1|" + member, "c1", member, scoped));
        });
        List<VoteDocument.Elector> electorate = new ArrayList<>();
        Map<String, ElectorDocument> electors = new HashMap<>();
        for (int m = 0; m < world.members(); m++) {
            if (!world.outside().contains(m)) {
                VoteDocument.Elector e = new VoteDocument.Elector(name(m), "acc-" + m, "c", BigDecimal.ONE);
                electorate.add(e);
                ElectorDocument stored = ElectorDocument.of("p1", m, e);
                electors.put(name(m), new ElectorDocument(stored.id(), "p1", m, e.memberId(), e.accountId(), "c", BigDecimal.ONE,
                        world.voters().contains(m)));
            }
        }
        Set<String> voters = world.voters().stream().map(CarriedByProperties::name).collect(Collectors.toSet());
        VoteDocument vote = new VoteDocument("p1", "c1", "t", TOPIC, null, null, false, world.maxChainLength(), List.of(),
                VoteDocument.VOTING);
        java.util.function.Function<String, String> delegateOf = m -> forward.containsKey(m) ? forward.get(m).delegateFor(TOPIC) : null;

        List<String> forwardAnswer = new Participation(vote, electorate, voters, delegateOf).carriedBy(name(world.caster()))
                .stream().map(VoteDocument.Elector::memberId).toList();
        List<String> backwardAnswer = CarriedBy.walk(name(world.caster()), TOPIC, world.maxChainLength(), new CarriedBy.Lookups() {
            @Override
            public List<DelegatorsDocument.Delegator> delegatorsOf(String member) {
                return delegators.getOrDefault(member, List.of());
            }

            @Override
            public ElectorDocument elector(String member) {
                return electors.get(member);
            }

            @Override
            public String delegateOf(String member) {
                return delegateOf.apply(member);
            }
        }).stream().map(VoteDocument.Elector::memberId).toList();

        assertThat(backwardAnswer).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(forwardAnswer);
    }

    private static String name(int member) {
        return "m" + member;
    }
}
