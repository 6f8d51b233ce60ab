package coop.plenum.governance.notification.query;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.notification.NotifiedElector;
import coop.plenum.governance.notification.QuorumShortfall;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Whose power a vote counts at an instant, by the tally's chain rule (docs/delegation.md): a member's own ballot; else
 * the ballot reached by following their delegations for the vote's topic through members of the electorate, without
 * a cycle, in at most the charter's maximum number of hops (0: unlimited). Pure: the notification processor and the reminders give
 * it what they know, and it answers who carries whom and which classes are short of quorum.
 */
final class Participation {

    private final Map<String, VoteDocument.Elector> electorate = new LinkedHashMap<>();
    private final Set<String> voters;
    private final Function<String, String> delegateOf;
    private final Integer maxChainLength;
    private final List<VoteDocument.ClassQuorum> classes;

    /** {@code delegateOf}: a member's delegate for this vote's topic, or null. */
    Participation(VoteDocument vote, List<VoteDocument.Elector> electorate, Set<String> voters,
                  Function<String, String> delegateOf) {
        electorate.forEach(e -> this.electorate.put(e.memberId(), e));
        this.voters = new HashSet<>(voters);
        this.delegateOf = delegateOf;
        this.maxChainLength = vote.maxChainLength();
        this.classes = vote.classes();
    }

    /** The member whose ballot counts this elector's power: themselves, a delegate down the chain, or null (not counted). */
    String countedWith(String memberId) {
        if (voters.contains(memberId)) {
            return memberId;
        }
        Set<String> seen = new HashSet<>();
        seen.add(memberId);
        String current = memberId;
        int hops = 0;
        while (true) {
            String delegate = delegateOf.apply(current);
            hops++;
            if (delegate == null || !electorate.containsKey(delegate) || !seen.add(delegate)
                    || (maxChainLength != null && maxChainLength > 0 && hops > maxChainLength)) {
                return null;
            }
            if (voters.contains(delegate)) {
                return delegate;
            }
            current = delegate;
        }
    }

    /** Electors without a ballot of their own whose power is counted with {@code caster}'s ballot. */
    List<VoteDocument.Elector> carriedBy(String caster) {
        return electorate.values().stream()
                .filter(e -> !e.memberId().equals(caster) && !voters.contains(e.memberId()))
                .filter(e -> caster.equals(countedWith(e.memberId())))
                .toList();
    }

    /** Electors whose power is not counted at all: no ballot, and no chain that reaches one. */
    List<NotifiedElector> notCounted() {
        List<NotifiedElector> found = new ArrayList<>();
        for (VoteDocument.Elector e : electorate.values()) {
            if (countedWith(e.memberId()) == null) {
                found.add(new NotifiedElector(new MemberId(e.memberId()), new AccountId(e.accountId()), e.classId()));
            }
        }
        return found;
    }

    /**
     * The classes whose counted power is below quorum: needed = E × quorum / 100, exact, and missing = needed −
     * counted. A class with no power (E = 0) drops out of the tally and is never short.
     */
    List<QuorumShortfall> shortfalls() {
        Map<String, BigDecimal> power = new HashMap<>();
        Map<String, BigDecimal> counted = new HashMap<>();
        for (VoteDocument.Elector e : electorate.values()) {
            power.merge(e.classId(), e.power(), BigDecimal::add);
            counted.merge(e.classId(), countedWith(e.memberId()) == null ? BigDecimal.ZERO : e.power(), BigDecimal::add);
        }
        List<QuorumShortfall> shortfalls = new ArrayList<>();
        for (VoteDocument.ClassQuorum c : classes) {
            BigDecimal e = power.getOrDefault(c.classId(), BigDecimal.ZERO);
            if (e.signum() == 0) {
                continue;
            }
            BigDecimal needed = e.multiply(BigDecimal.valueOf(c.quorum())).movePointLeft(2);
            BigDecimal got = counted.getOrDefault(c.classId(), BigDecimal.ZERO);
            BigDecimal missing = needed.subtract(got);
            if (missing.signum() > 0) {
                shortfalls.add(new QuorumShortfall(c.classId(), c.quorum(), e, got, missing));
            }
        }
        return shortfalls;
    }
}
