package coop.plenum.governance.invitation.query;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.invitation.InvitationAccepted;
import coop.plenum.governance.invitation.InvitationId;
import coop.plenum.governance.invitation.InvitationResent;
import coop.plenum.governance.invitation.InvitationRevoked;
import coop.plenum.governance.invitation.InvitationStatus;
import coop.plenum.governance.invitation.MemberInvited;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The invitations read model, one document per invitation. Idempotent: the first event inserts only if absent, and
 * every later one applies only when its aggregate sequence is above the document's {@code lastSequence}.
 */
@Component
@ProcessingGroup("readmodel-invitations")
class InvitationProjection {

    private static final String COLLECTION = "invitations";

    private final ReactiveMongoTemplate mongo;

    InvitationProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection(COLLECTION).block();
    }

    @EventHandler
    void on(MemberInvited event, @SequenceNumber long sequence) {
        mongo.upsert(Query.query(where("_id").is(event.invitationId().value())), new Update()
                .setOnInsert("cooperativeId", event.cooperativeId().value())
                .setOnInsert("email", event.email())
                .setOnInsert("classId", event.classId())
                .setOnInsert("tokenHash", event.tokenHash())
                .setOnInsert("expiresAt", event.expiresAt())
                .setOnInsert("status", InvitationStatus.PENDING.name())
                .setOnInsert("invitedBy", event.invitedBy().value())
                .setOnInsert("invitedAt", event.invitedAt())
                .setOnInsert("changedAt", event.invitedAt())
                .setOnInsert("sendings", 1)
                .setOnInsert("lastSequence", sequence), InvitationDocument.class).block();
    }

    @EventHandler
    void on(InvitationResent event, @SequenceNumber long sequence) {
        after(event.invitationId(), sequence, new Update().set("tokenHash", event.tokenHash()).set("expiresAt", event.expiresAt())
                .set("changedAt", event.resentAt()).inc("sendings", 1));
    }

    @EventHandler
    void on(InvitationRevoked event, @SequenceNumber long sequence) {
        after(event.invitationId(), sequence, new Update().set("status", InvitationStatus.REVOKED.name()).set("changedAt", event.revokedAt()));
    }

    @EventHandler
    void on(InvitationAccepted event, @SequenceNumber long sequence) {
        after(event.invitationId(), sequence, new Update().set("status", InvitationStatus.ACCEPTED.name())
                .set("changedAt", event.acceptedAt()).set("accountId", event.accountId().value())
                .set("memberId", event.memberId().value()));
    }

    private void after(InvitationId id, long sequence, Update update) {
        mongo.updateFirst(Query.query(where("_id").is(id.value()).and("lastSequence").lt(sequence)),
                update.set("lastSequence", sequence), InvitationDocument.class).block();
    }

    @QueryHandler
    CompletableFuture<InvitationView> handle(FindInvitation query) {
        return mongo.findById(query.invitationId().value(), InvitationDocument.class).map(InvitationProjection::view).toFuture();
    }

    @QueryHandler
    CompletableFuture<List<InvitationView>> handle(FindInvitations query) {
        Query byCooperative = Query.query(where("cooperativeId").is(query.cooperativeId().value()))
                .with(Sort.by(Sort.Direction.DESC, "invitedAt")).limit(Math.max(1, Math.min(query.limit(), 5_000)));
        return mongo.find(byCooperative, InvitationDocument.class).map(InvitationProjection::view).collectList().toFuture();
    }

    private static InvitationView view(InvitationDocument d) {
        return new InvitationView(new InvitationId(d.id()), new CooperativeId(d.cooperativeId()), d.email(), d.classId(),
                d.tokenHash(), d.expiresAt(), InvitationStatus.valueOf(d.status()), new AccountId(d.invitedBy()), d.invitedAt(),
                d.changedAt(), d.accountId() == null ? null : new AccountId(d.accountId()),
                d.memberId() == null ? null : new MemberId(d.memberId()), d.sendings());
    }
}
