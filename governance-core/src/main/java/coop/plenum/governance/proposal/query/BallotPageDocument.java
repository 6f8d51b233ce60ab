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

    /**
     * Every ballot rewrites its page (the store clones, compares and re-serialises the whole document), so a page is
     * small: with 16 entries the embedded store takes ~19,000 ballots/s in bulk, against ~7,300 with 32 and ~3,300
     * with 128 (ReadModelStoreBenchmark); a tally of 10,000 ballots still reads only 625 pages, by key.
     * Changing it changes every page's key: bump the projection's {@code @ReadModelLayout}.
     */
    static final int SIZE = 16;

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
     * only a choice. {@code sealed} true: a secret vote's ballot, whose choice is sealed in the log and not here (the
     * entry says only that the member took part then; null in every other entry).
     */
    record Entry(long sequence, String memberId, Choice choice, Instant at, java.util.Map<String, Integer> scores,
                 String reason, coop.plenum.governance.options.ConsentChoice consent, List<List<String>> ranking,
                 Boolean sealed) {
    }
}
