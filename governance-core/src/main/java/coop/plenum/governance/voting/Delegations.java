package coop.plenum.governance.voting;

import coop.plenum.governance.ids.MemberId;

import java.util.HashMap;
import java.util.Map;

/**
 * Who delegates to whom at one instant: per delegator, a global delegation and any per-topic ones. A topic
 * delegation overrides the global one for proposals of that topic (SPEC "Liquid delegation").
 */
public record Delegations(Map<MemberId, Map<String, MemberId>> byDelegator) {

    /** The scope of a delegation that applies to every topic without one of its own. */
    public static final String GLOBAL = "_global";

    public static final Delegations NONE = new Delegations(Map.of());

    public Delegations {
        byDelegator = Map.copyOf(byDelegator);
    }

    /** Each delegator's delegate for proposals of {@code topic}. */
    public Map<MemberId, MemberId> forTopic(String topic) {
        Map<MemberId, MemberId> effective = new HashMap<>(byDelegator.size() * 2);
        byDelegator.forEach((delegator, scopes) -> {
            MemberId delegate = forTopic(scopes, topic);
            if (delegate != null) {
                effective.put(delegator, delegate);
            }
        });
        return effective;
    }

    /** One delegator's delegate for proposals of {@code topic}, from their delegations per scope (null: none). */
    static MemberId forTopic(Map<String, MemberId> scopes, String topic) {
        MemberId delegate = scopes.get(topic);
        return delegate != null ? delegate : scopes.get(GLOBAL);
    }
}
