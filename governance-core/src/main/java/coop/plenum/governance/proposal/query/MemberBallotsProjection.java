package coop.plenum.governance.proposal.query;

import coop.plenum.governance.axon.ReadModelWrites;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.tally.Choice;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Each member's ballot events, for their receipts: which ballots they cast, recast or retracted, and which one counts.
 * In the proposals' processing group: the same events, keyed by the same aggregate, so one processor reads them and
 * stores one token per batch for both read models instead of two (its own group until layout 4 of the proposals).
 */
@Component
@ProcessingGroup("readmodel-proposals")
class MemberBallotsProjection {

    /** Each member's list of proposals, written until the memberId index replaced it; dropped on a rebuild. */
    static final String LEGACY_PROPOSAL_LISTS = "member_ballot_proposals";

    private final ReactiveMongoTemplate mongo;
    private final ReadModelWrites writes;

    MemberBallotsProjection(ReactiveMongoTemplate mongo, ReadModelWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        // both handlers only queue writes and read nothing: their writes go in bulk at the end of a batch
        writes.batch(this, "readmodel-proposals", BallotCast.class, BallotRetracted.class);
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection(MemberBallotsDocument.class).block();
        mongo.dropCollection(LEGACY_PROPOSAL_LISTS).block();
    }

    @EventHandler
    void on(BallotCast e, @SequenceNumber long sequence) {
        add(e.memberId(), e.proposalId(), sequence, e.choice(), e.summary(), e.castAt());
    }

    @EventHandler
    void on(BallotRetracted e, @SequenceNumber long sequence) {
        add(e.memberId(), e.proposalId(), sequence, null, null, e.retractedAt());
    }

    /**
     * One write per ballot, keyed by {@code _id} and idempotent by {@code $addToSet}: a redelivered event adds an entry
     * equal to one already there. A member's documents are found through the index on {@code memberId}
     * (ReadModelIndexes); a list of the member's proposals, kept up to date by an {@code $addToSet} per ballot, cost
     * a comparison with every proposal the member ever voted on, for every ballot.
     */
    private void add(MemberId member, ProposalId proposal, long sequence, Choice choice, String ballot, Instant at) {
        writes.upsert(MemberBallotsDocument.class, Query.query(where("_id").is(MemberBallotsDocument.key(member.value(), proposal.value()))),
                new Update().setOnInsert("memberId", member.value()).setOnInsert("proposalId", proposal.value())
                        .addToSet("entries", new MemberBallotsDocument.Entry(sequence, choice, at, ballot)));
    }

    @QueryHandler
    CompletableFuture<List<MemberBallotView>> handle(FindMemberBallots query) {
        String member = query.memberId().value();
        return mongo.find(Query.query(where("memberId").is(member)), MemberBallotsDocument.class)
                .flatMapIterable(d -> d.entries().stream()
                        .map(e -> new MemberBallotView(new ProposalId(d.proposalId()), e.sequence(), e.choice(), e.at(), false, e.ballot()))
                        .toList())
                .collectList()
                .map(MemberBallotView::lastBallotCounts)
                .toFuture();
    }
}
