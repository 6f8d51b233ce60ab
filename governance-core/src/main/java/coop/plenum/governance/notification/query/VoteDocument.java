package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the notification processor remembers of a proposal, as of the last event it handled: its title, topic and
 * schedule, the classes' quorums, and whether the vote is open. The electorate frozen at opening, and whose ballot
 * stands, are kept one elector per document ({@link ElectorDocument}), so that this document stays small and a
 * ballot never reads or rewrites the whole electorate.
 */
@Document("notification_votes")
record VoteDocument(@Id String proposalId, String cooperativeId, String title, String topic, String authorAccountId,
                    Instant closesAt, boolean hidden, Integer maxChainLength, List<ClassQuorum> classes, String state,
                    Boolean secret) {

    /** The one Spring Data reads a stored vote with (a record with two constructors names its own). */
    @org.springframework.data.annotation.PersistenceCreator
    VoteDocument {
    }

    /** A vote with open ballots (or one not opened yet: secrecy is settled at opening). */
    VoteDocument(String proposalId, String cooperativeId, String title, String topic, String authorAccountId,
                 Instant closesAt, boolean hidden, Integer maxChainLength, List<ClassQuorum> classes, String state) {
        this(proposalId, cooperativeId, title, topic, authorAccountId, closesAt, hidden, maxChainLength, classes, state, null);
    }

    /** A SECRET vote has no delegation: a member is counted by their own sealed ballot only. */
    boolean isSecret() {
        return Boolean.TRUE.equals(secret);
    }

    record ClassQuorum(String classId, int quorum) {
    }

    /** An elector as the rules see them (stored as an {@link ElectorDocument}). */
    record Elector(String memberId, String accountId, String classId, BigDecimal power) {
    }

    static final String SUBMITTED = "SUBMITTED";
    static final String VOTING = "VOTING";
    static final String CLOSED = "CLOSED";
}
