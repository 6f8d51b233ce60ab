package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member of a cooperative and their login ({@code id}: cooperative|member), to address notifications about members. */
@Document("notification_people")
record PersonDocument(@Id String id, String accountId) {

    static String key(String cooperativeId, String memberId) {
        return cooperativeId + "|" + memberId;
    }
}
