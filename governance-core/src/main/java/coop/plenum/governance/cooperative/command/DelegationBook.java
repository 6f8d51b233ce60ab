package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.membership.MemberId;
import coop.plenum.governance.tally.Delegations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cooperative's delegations: the ones in force now, and every change in order, so that "delegations as of T"
 * (SPEC: read as of closing) is answered exactly, whatever happened after T.
 */
final class DelegationBook {

    private record Change(Instant at, MemberId delegator, String scope, MemberId delegateOrNull) {
    }

    private final List<Change> changes = new ArrayList<>();
    private final Map<MemberId, Map<String, MemberId>> current = new HashMap<>();

    MemberId current(MemberId delegator, String scope) {
        return current.getOrDefault(delegator, Map.of()).get(scope);
    }

    void delegate(Instant at, MemberId delegator, String scope, MemberId delegate) {
        changes.add(new Change(at, delegator, scope, delegate));
        current.computeIfAbsent(delegator, d -> new HashMap<>()).put(scope, delegate);
    }

    void revoke(Instant at, MemberId delegator, String scope) {
        changes.add(new Change(at, delegator, scope, null));
        Map<String, MemberId> scopes = current.get(delegator);
        if (scopes != null) {
            scopes.remove(scope);
            if (scopes.isEmpty()) {
                current.remove(delegator);
            }
        }
    }

    Delegations asOf(Instant instant) {
        Map<MemberId, Map<String, MemberId>> then = new HashMap<>();
        for (Change c : changes) {
            if (c.at().isAfter(instant)) {
                continue;
            }
            if (c.delegateOrNull() == null) {
                Map<String, MemberId> scopes = then.get(c.delegator());
                if (scopes != null) {
                    scopes.remove(c.scope());
                }
            } else {
                then.computeIfAbsent(c.delegator(), d -> new HashMap<>()).put(c.scope(), c.delegateOrNull());
            }
        }
        then.values().removeIf(Map::isEmpty);
        Map<MemberId, Map<String, MemberId>> frozen = new HashMap<>();
        then.forEach((delegator, scopes) -> frozen.put(delegator, Map.copyOf(scopes)));
        return new Delegations(frozen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DelegationBook other && changes.equals(other.changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }
}
