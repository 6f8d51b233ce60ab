package coop.plenum.governance.delegation.query;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.voting.Delegations;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Builds a member's {@link DelegationOverview} from the delegations in force and every member's status and power. */
public final class DelegationOverviews {

    private DelegationOverviews() {
    }

    public static DelegationOverview of(MemberId me, List<DelegationView> inForce, List<String> topics, int maxChainLength,
                                        Function<MemberId, MemberStatus> statusOf, Function<MemberId, BigDecimal> powerOf) {
        Map<MemberId, Map<String, MemberId>> byDelegator = new HashMap<>();
        inForce.forEach(d -> byDelegator.computeIfAbsent(d.memberId(), m -> new HashMap<>()).put(d.scope(), d.delegateId()));
        Delegations delegations = new Delegations(byDelegator);
        List<DelegationOverview.TopicView> views = new ArrayList<>();
        List<DelegationOverview.Warning> warnings = new ArrayList<>();
        for (String topic : topics) {
            Map<MemberId, MemberId> effective = delegations.forTopic(topic);
            DelegationOverview.TopicView view = topic(me, topic, effective, maxChainLength, statusOf, powerOf);
            views.add(view);
            warning(view).ifPresent(warnings::add);
        }
        List<DelegationView> mine = inForce.stream().filter(d -> d.memberId().equals(me)).toList();
        List<DelegationView> toMe = inForce.stream().filter(d -> d.delegateId().equals(me))
                .sorted(Comparator.comparing((DelegationView d) -> d.memberId().value()).thenComparing(DelegationView::scope)).toList();
        return new DelegationOverview(me, mine, toMe, views, warnings);
    }

    private static DelegationOverview.TopicView topic(MemberId me, String topic, Map<MemberId, MemberId> effective, int max,
                                                      Function<MemberId, MemberStatus> statusOf,
                                                      Function<MemberId, BigDecimal> powerOf) {
        // who represents me: follow the chain until it ends, repeats or reaches someone not ACTIVE
        List<MemberId> chain = new ArrayList<>(List.of(me));
        Set<MemberId> seen = new LinkedHashSet<>(chain);
        DelegationOverview.Ending ending = DelegationOverview.Ending.SELF;
        MemberId x = me;
        while (effective.containsKey(x)) {
            MemberId next = effective.get(x);
            if (!seen.add(next)) {
                chain.add(next);
                ending = DelegationOverview.Ending.CYCLE;
                break;
            }
            chain.add(next);
            x = next;
            if (statusOf.apply(next) != MemberStatus.ACTIVE) {
                ending = DelegationOverview.Ending.INACTIVE_MEMBER;
                break;
            }
            ending = DelegationOverview.Ending.REPRESENTED;
        }
        if (ending == DelegationOverview.Ending.REPRESENTED && max > 0 && chain.size() - 1 > max) {
            ending = DelegationOverview.Ending.TOO_LONG;
        }
        MemberId representative = ending == DelegationOverview.Ending.CYCLE ? null : chain.get(chain.size() - 1);

        // whom I represent: members whose chain reaches me, breadth first over reverse delegations, within the limit
        Map<MemberId, List<MemberId>> delegatorsOf = new HashMap<>();
        effective.forEach((from, to) -> delegatorsOf.computeIfAbsent(to, t -> new ArrayList<>()).add(from));
        List<MemberId> direct = new ArrayList<>(delegatorsOf.getOrDefault(me, List.of()));
        direct.sort(Comparator.comparing(MemberId::value));
        Set<MemberId> reached = new HashSet<>(List.of(me));
        Deque<MemberId> frontier = new ArrayDeque<>(List.of(me));
        BigDecimal carried = BigDecimal.ZERO.setScale(6);
        int transitive = 0;
        for (int depth = 1; !frontier.isEmpty() && (max <= 0 || depth <= max); depth++) {
            Deque<MemberId> next = new ArrayDeque<>();
            for (MemberId m : frontier) {
                for (MemberId delegator : delegatorsOf.getOrDefault(m, List.of())) {
                    if (reached.add(delegator)) {
                        next.add(delegator);
                        if (statusOf.apply(delegator) == MemberStatus.ACTIVE) {
                            transitive++;
                            carried = carried.add(powerOf.apply(delegator));
                        }
                    }
                }
            }
            frontier = next;
        }
        return new DelegationOverview.TopicView(topic, chain, ending, representative, direct, transitive, carried);
    }

    private static java.util.Optional<DelegationOverview.Warning> warning(DelegationOverview.TopicView view) {
        List<MemberId> chain = view.chain();
        return switch (view.ending()) {
            case CYCLE -> {
                MemberId repeated = chain.get(chain.size() - 1);
                yield java.util.Optional.of(new DelegationOverview.Warning(view.topic(), view.ending(),
                        chain.subList(chain.indexOf(repeated), chain.size() - 1),
                        "your delegation for " + view.topic() + " ends in a cycle: unless someone in it votes, your vote is not counted"));
            }
            case INACTIVE_MEMBER -> java.util.Optional.of(new DelegationOverview.Warning(view.topic(), view.ending(),
                    List.of(chain.get(chain.size() - 1)),
                    "your delegation for " + view.topic() + " reaches a member who is not ACTIVE: they cannot vote"));
            case TOO_LONG -> java.util.Optional.of(new DelegationOverview.Warning(view.topic(), view.ending(), chain,
                    "your delegation chain for " + view.topic() + " is longer than the charter allows: it will not be counted"));
            default -> java.util.Optional.empty();
        };
    }
}
