package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

/**
 * One elector of one vote as the notification processor last saw them ({@code id}: proposal|member), and whether a
 * ballot of their own stands. One small document each, so a ballot reads and writes only the electors it concerns,
 * never the whole electorate.
 */
@Document("notification_electors")
record ElectorDocument(@Id String id, String proposalId, int order, String memberId, String accountId, String classId,
                       BigDecimal power, boolean voted) {

    static String key(String proposalId, String memberId) {
        return proposalId + "|" + memberId;
    }

    /** {@code order}: the elector's place in the electorate as the opening event lists it. */
    static ElectorDocument of(String proposalId, int order, VoteDocument.Elector e) {
        return new ElectorDocument(key(proposalId, e.memberId()), proposalId, order, e.memberId(), e.accountId(), e.classId(),
                e.power(), false);
    }

    ElectorDocument withVoted(boolean flag) {
        return new ElectorDocument(id, proposalId, order, memberId, accountId, classId, power, flag);
    }

    VoteDocument.Elector elector() {
        return new VoteDocument.Elector(memberId, accountId, classId, power);
    }
}
