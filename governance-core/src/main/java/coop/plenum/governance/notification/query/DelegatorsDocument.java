package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * Who delegates to a member, by scope ({@code id}: cooperative|delegate): the reverse of {@link DelegateDocument}, so
 * "whose power does this ballot carry" walks back from the caster through their delegators only.
 */
@Document("notification_delegators")
record DelegatorsDocument(@Id String id, List<Delegator> delegators) {

    record Delegator(String memberId, String scope) {
    }
}
