package coop.plenum.governance.membership.query;

import coop.plenum.governance.membership.Role;
import coop.plenum.governance.membership.MemberStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** One account's standing in one cooperative, keyed {@code cooperativeId|accountId} for O(1) authorization lookups. */
@Document("seats")
record SeatDocument(@Id String id, String cooperativeId, String cooperativeName, String accountId, String memberId,
                    MemberStatus status, List<Role> roles) {

    static String key(String cooperativeId, String accountId) {
        return cooperativeId + "|" + accountId;
    }
}
