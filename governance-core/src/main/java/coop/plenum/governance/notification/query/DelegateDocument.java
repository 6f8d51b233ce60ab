package coop.plenum.governance.notification.query;

import coop.plenum.governance.voting.Delegations;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** A member's delegations in force, by scope ({@code id}: cooperative|member). */
@Document("notification_delegations")
record DelegateDocument(@Id String id, String cooperativeId, String memberId, List<Scoped> scopes) {

    record Scoped(String scope, String delegateId) {
    }

    /** The delegate for proposals of {@code topic}: the topic's own delegation, else the global one; null if neither. */
    String delegateFor(String topic) {
        String global = null;
        for (Scoped s : scopes) {
            if (s.scope().equals(topic)) {
                return s.delegateId();
            }
            if (s.scope().equals(Delegations.GLOBAL)) {
                global = s.delegateId();
            }
        }
        return global;
    }
}
