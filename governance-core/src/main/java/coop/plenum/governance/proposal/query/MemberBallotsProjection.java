package coop.plenum.governance.proposal.query;

import coop.plenum.governance.membership.MemberId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.ProposalId;
import coop.plenum.governance.tally.Choice;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.dao.DuplicateKeyException;
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

    MemberBallotsProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection(MemberBallotsDocument.class).block();
    }

    @EventHandler
    void on(BallotCast e, @SequenceNumber long sequence) {
        add(e.memberId(), e.proposalId(), sequence, e.choice(), e.castAt());
    }

    @EventHandler
    void on(BallotRetracted e, @SequenceNumber long sequence) {
        add(e.memberId(), e.proposalId(), sequence, null, e.retractedAt());
    }

    private void add(MemberId member, ProposalId proposal, long sequence, Choice choice, Instant at) {
        String key = MemberBallotsDocument.key(proposal.value(), sequence);
        Query byMember = Query.query(where("_id").is(member.value()));
        try {
            mongo.upsert(byMember, new Update().setOnInsert("ballots", List.of()).setOnInsert("applied", List.of()),
                    MemberBallotsDocument.class).block();
        } catch (DuplicateKeyException createdMeanwhile) {
            // another segment created the member's document between our lookup and insert: it exists, which is all we need
        }
        mongo.updateFirst(Query.query(where("_id").is(member.value()).and("applied").ne(key)),
                new Update().push("ballots", new MemberBallotsDocument.Entry(proposal.value(), sequence, choice, at)).push("applied", key),
                MemberBallotsDocument.class).block();
    }

    @QueryHandler
    CompletableFuture<List<MemberBallotView>> handle(FindMemberBallots query) {
        return mongo.findById(query.memberId().value(), MemberBallotsDocument.class)
                .map(d -> MemberBallotView.lastBallotCounts(d.ballots().stream()
                        .map(b -> new MemberBallotView(new ProposalId(b.proposalId()), b.sequence(), b.choice(), b.at(), false))
                        .toList()))
                .defaultIfEmpty(List.of())
                .toFuture();
    }
}
