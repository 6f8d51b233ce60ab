package coop.plenum.governance.proposal.query;

import coop.plenum.governance.tally.Choice;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * The ballot events of one proposal whose sequence numbers fall in one page ({@value #SIZE} numbers), keyed
 * {@code proposalId|page}: a proposal's ballots are read by key, never by scanning every cooperative's ballots.
 * Entries are added with {@code $addToSet}, so a redelivered event adds nothing.
 */
@Document("proposal_ballot_pages")
record BallotPageDocument(@Id String id, String proposalId, long page, List<Entry> ballots) {

    static final int SIZE = 128;

    static long pageOf(long sequence) {
        return sequence / SIZE;
    }

    static String key(String proposalId, long page) {
        return proposalId + "|" + page;
    }

    /**
     * One ballot event: {@code choice} (YES_NO) or {@code scores} (an option method; approval scores 1) or
     * {@code consent} (CONSENT) or {@code ranking} (RANKED); all null:
     * the ballot was retracted. {@code reason} as the member gave it. Entries stored before option methods have
     * only a choice.
     */
    record Entry(long sequence, String memberId, Choice choice, Instant at, java.util.Map<String, Integer> scores,
                 String reason, coop.plenum.governance.options.ConsentChoice consent, List<List<String>> ranking) {
    }
}
