package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the notification processor remembers of a proposal, as of the last event it handled: who may vote (the
 * electorate frozen at opening, with class and power), whose ballot stands, the classes' quorums, and whether the
 * vote is open. Enough to tell, at an event, whose power a delegate's ballot now carries and who is not counted.
 */
@Document("notification_votes")
record VoteDocument(@Id String proposalId, String cooperativeId, String title, String topic, String authorAccountId,
                    Instant closesAt, boolean hidden, Integer maxChainLength, List<ClassQuorum> classes,
                    List<Elector> electorate, List<String> voters, String state) {

    record ClassQuorum(String classId, int quorum) {
    }

    record Elector(String memberId, String accountId, String classId, BigDecimal power) {
    }

    static final String SUBMITTED = "SUBMITTED";
    static final String VOTING = "VOTING";
    static final String CLOSED = "CLOSED";
}
