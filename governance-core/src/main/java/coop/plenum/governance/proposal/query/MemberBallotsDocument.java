package coop.plenum.governance.proposal.query;

import coop.plenum.governance.tally.Choice;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One member's ballot events across proposals, in one document keyed by the member, so "my receipts" is an
 * {@code _id} lookup (the MongoDB-wire server scans for anything else). {@code applied} holds the key of every event
 * already added, so a redelivered event adds nothing.
 */
@Document("member_ballots")
record MemberBallotsDocument(@Id String memberId, List<Entry> ballots, List<String> applied) {

    /** {@code choice} null: a retraction. */
    record Entry(String proposalId, long sequence, Choice choice, Instant at) {
    }

    static String key(String proposalId, long sequence) {
        return proposalId + "|" + sequence;
    }
}
