package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** A member's delegations in force, by scope ({@code id}: cooperative|member). */
@Document("notification_delegations")
record DelegateDocument(@Id String id, List<Scoped> scopes) {

    record Scoped(String scope, String delegateId) {
    }
}
