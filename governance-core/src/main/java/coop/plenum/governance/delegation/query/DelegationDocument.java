package coop.plenum.governance.delegation.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A delegation in force now: one per member and scope. */
@Document("delegations")
record DelegationDocument(@Id String id, String cooperativeId, String memberId, String scope, String delegateId, Instant since) {

    static String key(String cooperativeId, String memberId, String scope) {
        return cooperativeId + "|" + memberId + "|" + scope;
    }
}
