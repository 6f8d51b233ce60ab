package coop.plenum.governance.delegation.query;

import coop.plenum.governance.delegation.DelegationRevoked;
import coop.plenum.governance.delegation.DelegationStreams;
import coop.plenum.governance.delegation.VoteDelegated;
import coop.plenum.governance.ids.MemberId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.AggregateType;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Delegations in force (one document per member and scope) and every change (for "as of"). Idempotent: a change
 * is keyed by its cooperative and its position among the cooperative's delegation changes
 * ({@link DelegationStreams#position}: the cooperative's own stream, then its register's), and one cooperative's
 * changes arrive in log order, redelivered ones too ({@link DelegationSequencing}), so the document in force ends as
 * the last change left it.
 */
@Component
@ProcessingGroup(DelegationSequencing.GROUP)
class DelegationProjection {

    private final ReactiveMongoTemplate mongo;
    private final DelegationChanges changes;

    DelegationProjection(ReactiveMongoTemplate mongo, DelegationChanges changes) {
        this.mongo = mongo;
        this.changes = changes;
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection(DelegationDocument.class).block();
        mongo.dropCollection(DelegationChangeDocument.class).block();
    }

    @EventHandler
    void on(VoteDelegated e, @SequenceNumber long sequenceNumber, @AggregateType String stream) {
        String coop = e.cooperativeId().value();
        long sequence = DelegationStreams.position(stream, sequenceNumber);
        mongo.save(new DelegationChangeDocument(coop + "|" + sequence, coop, sequence, e.memberId().value(), e.scope(),
                e.delegateId().value(), e.delegatedAt())).block();
        mongo.save(new DelegationDocument(DelegationDocument.key(coop, e.memberId().value(), e.scope()), coop,
                e.memberId().value(), e.scope(), e.delegateId().value(), e.delegatedAt())).block();
        changes.changed(e.cooperativeId());
    }

    @EventHandler
    void on(DelegationRevoked e, @SequenceNumber long sequenceNumber, @AggregateType String stream) {
        String coop = e.cooperativeId().value();
        long sequence = DelegationStreams.position(stream, sequenceNumber);
        mongo.save(new DelegationChangeDocument(coop + "|" + sequence, coop, sequence, e.memberId().value(), e.scope(),
                null, e.revokedAt())).block();
        mongo.remove(Query.query(where("_id").is(DelegationDocument.key(coop, e.memberId().value(), e.scope()))),
                DelegationDocument.class).block();
        changes.changed(e.cooperativeId());
    }

    @QueryHandler
    CompletableFuture<List<DelegationView>> handle(FindDelegations query) {
        return mongo.find(Query.query(where("cooperativeId").is(query.cooperativeId().value())), DelegationDocument.class)
                .map(d -> new DelegationView(new MemberId(d.memberId()), d.scope(), new MemberId(d.delegateId()), d.since()))
                .sort(Comparator.comparing((DelegationView v) -> v.memberId().value()).thenComparing(DelegationView::scope))
                .collectList().toFuture();
    }
}
