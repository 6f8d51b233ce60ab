package coop.plenum.governance.proposal.query;

import coop.plenum.governance.axon.ReadModelWrites;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.tally.Choice;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Where the proposals read model keeps each proposal's ballot events: in pages found by key. The MongoDB-wire
 * server has no secondary indexes, so looking ballots up by a proposal field would read every ballot of every
 * cooperative for each tally, and one busy cooperative would slow every other one's pages down.
 */
@Component
class ProposalBallots {

    private final ReactiveMongoTemplate mongo;
    private final ReadModelWrites writes;

    ProposalBallots(ReactiveMongoTemplate mongo, ReadModelWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    /**
     * Records one ballot event: two writes by key, each a no-op when the event is redelivered, queued to go in bulk
     * with the rest of the batch (ReadModelWrites).
     */
    void record(ProposalId proposal, long sequence, MemberId member, Choice choice, java.util.Map<String, Integer> scores,
                String reason, coop.plenum.governance.options.ConsentChoice consent, List<List<String>> ranking, Instant at) {
        record(proposal, new BallotPageDocument.Entry(sequence, member.value(), choice, at, scores, reason, consent, ranking, null));
    }

    /**
     * A secret vote's ballot: that the member took part at that instant, never what they chose (the read side has no
     * choice to store). It is what an as-of tally of the open vote counts: participation as it stood then.
     */
    void recordSealed(ProposalId proposal, long sequence, MemberId member, Instant at) {
        record(proposal, new BallotPageDocument.Entry(sequence, member.value(), null, at, null, null, null, null, Boolean.TRUE));
    }

    private void record(ProposalId proposal, BallotPageDocument.Entry entry) {
        long page = BallotPageDocument.pageOf(entry.sequence());
        writes.upsert(BallotPageDocument.class, Query.query(where("_id").is(BallotPageDocument.key(proposal.value(), page))),
                new Update().setOnInsert("proposalId", proposal.value()).setOnInsert("page", page).addToSet("ballots", entry));
        writes.upsert(BallotPagesDocument.class, Query.query(where("_id").is(proposal.value())), new Update().addToSet("pages", page));
    }

    /** Every ballot event of the proposal, in event order. */
    Mono<List<BallotDocument>> of(String proposalId) {
        return after(proposalId, -1);
    }

    /** The proposal's ballot events after the given sequence number, in event order. */
    Mono<List<BallotDocument>> after(String proposalId, long sequence) {
        long fromPage = BallotPageDocument.pageOf(Math.max(0, sequence + 1));
        return mongo.findById(proposalId, BallotPagesDocument.class)
                .map(pages -> pages.pages().stream().filter(p -> p >= fromPage)
                        .map(p -> BallotPageDocument.key(proposalId, p)).toList())
                .filter(keys -> !keys.isEmpty())
                .flatMap(keys -> mongo.find(Query.query(where("_id").in(keys)), BallotPageDocument.class)
                        .flatMapIterable(BallotPageDocument::ballots)
                        .filter(entry -> entry.sequence() > sequence)
                        .map(entry -> new BallotDocument(BallotDocument.key(proposalId, entry.sequence()), proposalId,
                                entry.sequence(), entry.memberId(), entry.choice(), entry.at(), entry.scores(), entry.reason(), entry.consent(), entry.ranking(),
                                Boolean.TRUE.equals(entry.sealed())))
                        .sort(Comparator.comparingLong(BallotDocument::sequence))
                        .collectList())
                .defaultIfEmpty(List.of());
    }

    /** Before a rebuild: the ballots, and the one-document-per-ballot collection of layout 1. */
    void drop() {
        mongo.dropCollection(BallotPageDocument.class).block();
        mongo.dropCollection(BallotPagesDocument.class).block();
        mongo.dropCollection("proposal_ballots").block();
    }
}
