package coop.plenum.governance.proposal.query;

import coop.plenum.governance.tally.Choice;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One member's ballot events on one proposal, keyed {@code memberId|proposalId}: it grows with that member's recasts
 * on that proposal only, so adding a ballot never rewrites a member's whole voting history. Each entry's sequence
 * number makes a redelivered event add nothing.
 */
@Document("member_proposal_ballots")
record MemberBallotsDocument(@Id String id, String memberId, String proposalId, List<Entry> entries) {

    /**
     * {@code choice} for a YES_NO ballot, {@code ballot} (in words) for any other method; both null: a retraction.
     * Entries stored before voting methods have no {@code ballot}.
     */
    record Entry(long sequence, Choice choice, Instant at, String ballot) {
    }

    static String key(String memberId, String proposalId) {
        return memberId + "|" + proposalId;
    }
}
