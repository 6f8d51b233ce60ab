package coop.plenum.governance.delegation.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One delegation or revocation ({@code delegateId} null), keyed by the event, for "delegations as of T". */
@Document("delegation_changes")
record DelegationChangeDocument(@Id String id, String cooperativeId, long sequence, String memberId, String scope,
                                String delegateId, Instant at) {
}
