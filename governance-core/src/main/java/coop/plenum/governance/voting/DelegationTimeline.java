package coop.plenum.governance.voting;

import coop.plenum.governance.ids.MemberId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SPEC "Time, and as of" for delegations: every delegation and revocation in log order, so that "who delegates to
 * whom as of T" is answered exactly, whatever happened after T. {@link InForce} is the one fold of those changes;
 * the aggregate, the read models and the live tallies all apply changes through it.
 */
public final class DelegationTimeline {

    /** From {@code at}, {@code delegator}'s vote for {@code scope} goes to {@code delegateOrNull} (null: revoked). */
    public record Change(Instant at, MemberId delegator, String scope, MemberId delegateOrNull) {
        public Change {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(delegator, "delegator");
        }
    }

    private final List<Change> changes = new ArrayList<>();
    private final InForce now = new InForce();
    /** Each delegator's scopes this timeline has a change for (a revocation included). */
    private final Map<MemberId, java.util.Set<String>> changed = new HashMap<>();

    /** Records the next change of the log. */
    public void record(Change change) {
        changes.add(change);
        now.apply(change);
        changed.computeIfAbsent(change.delegator(), d -> new java.util.HashSet<>()).add(change.scope());
    }

    /** Whether any change (a revocation included) was recorded for the delegator and scope. */
    public boolean hasChanged(MemberId delegator, String scope) {
        return changed.getOrDefault(delegator, java.util.Collections.emptySet()).contains(scope);
    }

    /** Every change recorded so far, in log order (a read-only view). */
    public List<Change> changes() {
        return java.util.Collections.unmodifiableList(changes);
    }

    /** The delegate in force now for one delegator and scope (null: none). */
    public MemberId inForce(MemberId delegator, String scope) {
        return now.delegateOf(delegator, scope);
    }

    /** Every change recorded at or before the instant, applied in log order. */
    public Delegations asOf(Instant instant) {
        return asOf(changes, instant);
    }

    /** The same fold for changes read elsewhere (a read model), given in log order. */
    public static Delegations asOf(Iterable<Change> inLogOrder, Instant instant) {
        InForce then = new InForce();
        for (Change c : inLogOrder) {
            if (!c.at().isAfter(instant)) {
                then.apply(c);
            }
        }
        return then.delegations();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DelegationTimeline other && changes.equals(other.changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }

    /** Who delegates to whom after the changes applied so far: a delegation replaces the scope's delegate, a revocation removes it. */
    public static final class InForce {

        private final Map<MemberId, Map<String, MemberId>> byDelegator = new HashMap<>();

        public void apply(Change change) {
            apply(change.delegator(), change.scope(), change.delegateOrNull());
        }

        /** {@code delegator}'s vote for {@code scope} now goes to {@code delegateOrNull} (null: revoked). */
        public void apply(MemberId delegator, String scope, MemberId delegateOrNull) {
            if (delegateOrNull == null) {
                Map<String, MemberId> scopes = byDelegator.get(delegator);
                if (scopes != null) {
                    scopes.remove(scope);
                    if (scopes.isEmpty()) {
                        byDelegator.remove(delegator);
                    }
                }
            } else {
                byDelegator.computeIfAbsent(delegator, d -> new HashMap<>()).put(scope, delegateOrNull);
            }
        }

        public MemberId delegateOf(MemberId delegator, String scope) {
            return byDelegator.getOrDefault(delegator, Map.of()).get(scope);
        }

        /** The delegator's delegate for proposals of {@code topic}: a topic delegation overrides the global one. */
        public MemberId forTopic(MemberId delegator, String topic) {
            return Delegations.forTopic(byDelegator.getOrDefault(delegator, Map.of()), topic);
        }

        /** An immutable copy. */
        public Delegations delegations() {
            Map<MemberId, Map<String, MemberId>> copy = new HashMap<>(byDelegator.size() * 2);
            byDelegator.forEach((delegator, scopes) -> copy.put(delegator, Map.copyOf(scopes)));
            return new Delegations(copy);
        }
    }
}
