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
 * Its own processing group, so a new installation (or an old log) fills it from the start of the history.
 */
@Component
@ProcessingGroup("readmodel-member-ballots")
class MemberBallotsProjection {

    private final ReactiveMongoTemplate mongo;
    private final ReadModelWrites writes;

    MemberBallotsProjection(ReactiveMongoTemplate mongo, ReadModelWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        // both handlers only queue writes and read nothing: their writes go in bulk at the end of a batch
        writes.batch("readmodel-member-ballots", BallotCast.class, BallotRetracted.class);
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection(MemberBallotsDocument.class).block();
        mongo.dropCollection(MemberProposalsDocument.class).block();
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
     * Two writes per ballot, each keyed by {@code _id} alone (the MongoDB-wire server scans the collection for any
     * other condition) and idempotent by {@code $addToSet}: a redelivered event adds an entry equal to one already
     * there, so nothing is added twice, and two segments adding proposals to one member's list cannot lose either.
     */
    private void add(MemberId member, ProposalId proposal, long sequence, Choice choice, String ballot, Instant at) {
        writes.upsert(MemberBallotsDocument.class, Query.query(where("_id").is(MemberBallotsDocument.key(member.value(), proposal.value()))),
                new Update().setOnInsert("memberId", member.value()).setOnInsert("proposalId", proposal.value())
                        .addToSet("entries", new MemberBallotsDocument.Entry(sequence, choice, at, ballot)));
        writes.upsert(MemberProposalsDocument.class, Query.query(where("_id").is(member.value())),
                new Update().addToSet("proposals", proposal.value()));
    }

    @QueryHandler
    CompletableFuture<List<MemberBallotView>> handle(FindMemberBallots query) {
        String member = query.memberId().value();
        return mongo.findById(member, MemberProposalsDocument.class)
                .flatMapMany(d -> reactor.core.publisher.Flux.fromIterable(d.proposals()))
                .flatMapSequential(proposal -> mongo.findById(MemberBallotsDocument.key(member, proposal), MemberBallotsDocument.class), 8)
                .flatMapIterable(d -> d.entries().stream()
                        .map(e -> new MemberBallotView(new ProposalId(d.proposalId()), e.sequence(), e.choice(), e.at(), false, e.ballot()))
                        .toList())
                .collectList()
                .map(MemberBallotView::lastBallotCounts)
                .toFuture();
    }
}
