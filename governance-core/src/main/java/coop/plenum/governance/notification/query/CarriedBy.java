package coop.plenum.governance.notification.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whose power a new ballot carries, found by walking back from the caster through the members who delegate to them
 * (for the vote's topic), then to those members, and so on: the same answer as {@link Participation#carriedBy} gives
 * by following every elector's chain forward, at the cost of the members actually carried rather than of the whole
 * electorate. The chain rule (docs/delegation.md) read backwards: a delegator is carried when they are in the
 * electorate, have no ballot of their own, and their chain reaches the caster in at most the charter's maximum of
 * hops (0 or none: unlimited); a member met twice (a cycle) is walked once.
 */
final class CarriedBy {

    /** What the walk reads; each call is one lookup by key. */
    interface Lookups {
        /** Who delegates to {@code member}, in any scope. */
        List<DelegatorsDocument.Delegator> delegatorsOf(String member);

        /** The member as an elector of this vote, or null when not in its electorate. */
        ElectorDocument elector(String member);

        /** The member's delegate for this vote's topic (the topic's own delegation, else the global one), or null. */
        String delegateOf(String member);
    }

    private CarriedBy() {
    }

    static List<VoteDocument.Elector> walk(String caster, String topic, Integer maxChainLength, Lookups lookups) {
        record Step(String member, int hops) {
        }
        List<VoteDocument.Elector> carried = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(caster);
        Deque<Step> next = new ArrayDeque<>();
        next.add(new Step(caster, 0));
        boolean limited = maxChainLength != null && maxChainLength > 0;
        while (!next.isEmpty()) {
            Step step = next.poll();
            if (limited && step.hops() + 1 > maxChainLength) {
                continue;
            }
            for (DelegatorsDocument.Delegator delegator : lookups.delegatorsOf(step.member())) {
                boolean forThisTopic = Objects.equals(delegator.scope(), topic)
                        || (coop.plenum.governance.voting.Delegations.GLOBAL.equals(delegator.scope())
                        && step.member().equals(lookups.delegateOf(delegator.memberId())));
                if (!forThisTopic || seen.contains(delegator.memberId())) {
                    continue;
                }
                ElectorDocument elector = lookups.elector(delegator.memberId());
                if (elector == null || elector.voted()) {
                    continue; // outside the electorate the chain breaks; with a ballot of their own it counts for them
                }
                seen.add(delegator.memberId());
                carried.add(elector.elector());
                next.add(new Step(delegator.memberId(), step.hops() + 1));
            }
        }
        return carried;
    }
}
