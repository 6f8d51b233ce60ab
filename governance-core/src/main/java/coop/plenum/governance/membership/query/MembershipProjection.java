package coop.plenum.governance.membership.query;

import coop.plenum.governance.account.AccountCreated;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.AccountProfileChanged;
import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.axon.ReadModelWrites;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.cooperative.FoundingMember;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.membership.ApplicationRejected;
import coop.plenum.governance.membership.MemberAdmitted;
import coop.plenum.governance.membership.MemberClassChanged;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberReinstated;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.membership.MemberSuspended;
import coop.plenum.governance.membership.MembershipApplied;
import coop.plenum.governance.membership.MembershipWithdrawn;
import coop.plenum.governance.membership.RoleGranted;
import coop.plenum.governance.membership.RoleRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The member directory (every membership with its history), each account's standing per cooperative (for
 * authorization and "my cooperatives"), and the names both need. Idempotent: creations are upserts that only set
 * fields on insert, transitions append to the history only if the event's sequence number is not there yet, and
 * role changes are set operations.
 */
@Component
@ProcessingGroup(MembershipProjection.GROUP)
@coop.plenum.governance.axon.ReadModelLayout(2) // 2: names follow AccountProfileChanged (renames made before are applied by the rebuild)
class MembershipProjection {

    private static final Comparator<MemberView> BY_NAME = Comparator
            .comparing((MemberView m) -> m.displayName() == null ? "" : m.displayName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(m -> m.memberId().value());

    static final String GROUP = "readmodel-membership";

    private final ReactiveMongoTemplate mongo;
    private final ReadModelWrites writes;

    MembershipProjection(ReactiveMongoTemplate mongo, ReadModelWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        // a large set-up appends these by the hundred thousand: their writes go in bulk at the end of each batch, and
        // what a later event of the batch reads of an earlier one's writes comes from MembershipBatch; every other
        // event flushes the queue before it is handled and writes at once
        writes.batch(this, GROUP, AccountCreated.class, MembershipApplied.class, MemberAdmitted.class);
    }

    // ---- names ---------------------------------------------------------------------------------------------

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection("members").block();
        mongo.dropCollection("seats").block();
        mongo.dropCollection("directory_names").block();
    }

    @EventHandler
    void on(AccountCreated event) {
        saveName(DirectoryNameDocument.account(event.accountId().value()), event.displayName());
    }

    /** A member who renames themselves is listed under the new name in every cooperative they belong to. */
    @EventHandler
    void on(AccountProfileChanged event) {
        String account = event.accountId().value();
        saveName(DirectoryNameDocument.account(account), event.displayName());
        mongo.updateMulti(Query.query(where("accountId").is(account)), Update.update("displayName", event.displayName()),
                MemberDocument.class).block();
    }

    private void saveName(String key, String name) {
        writes.replace(Query.query(where("_id").is(key)), new DirectoryNameDocument(key, name));
        MembershipBatch.current().named(key, name);
    }

    private String nameOf(String key) {
        return MembershipBatch.current().nameOf(mongo, key);
    }

    // ---- memberships ------------------------------------------------------------------------------------------

    @EventHandler
    void on(CooperativeFounded event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        String coop = event.cooperativeId().value();
        saveName(DirectoryNameDocument.cooperative(coop), event.name());
        for (FoundingMember founder : event.founders()) {
            createMember(coop, founder.memberId(), founder.accountId(), founder.classId(), MemberStatus.ACTIVE, null,
                    event.foundedAt(), new MemberDocument.Change(sequence, "FOUNDED", MemberStatus.ACTIVE, founder.classId(),
                            event.foundedAt(), actor));
        }
        grant(coop, event.secretaryAccountId().value(), Role.SECRETARY);
    }

    @EventHandler
    void on(MembershipApplied event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        createMember(event.cooperativeId().value(), event.memberId(), event.accountId(), event.classId(), MemberStatus.APPLIED,
                event.appliedAt(), null, new MemberDocument.Change(sequence, "APPLIED", MemberStatus.APPLIED, event.classId(),
                        event.appliedAt(), actor));
    }

    @EventHandler
    void on(MemberAdmitted event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        transition(event.cooperativeId(), event.memberId(), event.accountId(), sequence, "ADMITTED", MemberStatus.ACTIVE,
                event.classId(), event.admittedAt(), actor, new Update().set("memberSince", event.admittedAt()));
    }

    @EventHandler
    void on(ApplicationRejected event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        transition(event.cooperativeId(), event.memberId(), event.accountId(), sequence, "REJECTED", MemberStatus.REJECTED,
                null, event.rejectedAt(), actor, new Update());
    }

    @EventHandler
    void on(MemberSuspended event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        transition(event.cooperativeId(), event.memberId(), event.accountId(), sequence, "SUSPENDED", MemberStatus.SUSPENDED,
                null, event.suspendedAt(), actor, new Update());
    }

    @EventHandler
    void on(MemberReinstated event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        transition(event.cooperativeId(), event.memberId(), event.accountId(), sequence, "REINSTATED", MemberStatus.ACTIVE,
                null, event.reinstatedAt(), actor, new Update());
    }

    @EventHandler
    void on(MembershipWithdrawn event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        transition(event.cooperativeId(), event.memberId(), event.accountId(), sequence, "WITHDRAWN", MemberStatus.WITHDRAWN,
                null, event.withdrawnAt(), actor, new Update());
    }

    @EventHandler
    void on(MemberClassChanged event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        transition(event.cooperativeId(), event.memberId(), event.accountId(), sequence, "CLASS_CHANGED", null,
                event.toClassId(), event.changedAt(), actor, new Update().set("classId", event.toClassId()));
    }

    @EventHandler
    void on(coop.plenum.governance.membership.MemberAdmittedByDecision event, @SequenceNumber long sequence,
            @MetaDataValue(EventMetadata.ACTOR) String actor) {
        transition(event.cooperativeId(), event.memberId(), event.accountId(), sequence, "ADMITTED_BY_DECISION",
                MemberStatus.ACTIVE, event.classId(), event.admittedAt(), actor, new Update().set("memberSince", event.admittedAt()));
    }

    @EventHandler
    void on(coop.plenum.governance.membership.MemberExpelled event, @SequenceNumber long sequence,
            @MetaDataValue(EventMetadata.ACTOR) String actor) {
        transition(event.cooperativeId(), event.memberId(), event.accountId(), sequence, "EXPELLED", MemberStatus.EXPELLED,
                null, event.expelledAt(), actor, new Update());
    }

    @EventHandler
    void on(RoleGranted event) {
        grant(event.cooperativeId().value(), event.accountId().value(), event.role());
    }

    @EventHandler
    void on(RoleRevoked event) {
        String coop = event.cooperativeId().value();
        mongo.updateFirst(Query.query(where("_id").is(SeatDocument.key(coop, event.accountId().value()))),
                new Update().pull("roles", event.role()), SeatDocument.class).block();
    }

    private void createMember(String coop, MemberId memberId, AccountId accountId, String classId, MemberStatus status,
                              Instant appliedAt, Instant memberSince, MemberDocument.Change first) {
        Update insertOnly = new Update()
                .setOnInsert("cooperativeId", coop)
                .setOnInsert("accountId", accountId.value())
                .setOnInsert("displayName", nameOf(DirectoryNameDocument.account(accountId.value())))
                .setOnInsert("classId", classId)
                .setOnInsert("status", status)
                .setOnInsert("appliedAt", appliedAt)
                .setOnInsert("memberSince", memberSince)
                .setOnInsert("history", List.of(first));
        writes.upsert(MemberDocument.class, Query.query(where("_id").is(memberId.value())), insertOnly);
        // an upsert that only sets on insert leaves a membership that exists already as it is: remember what it holds
        MembershipBatch batch = MembershipBatch.current();
        if (batch.memberState(memberId.value()) == null) {
            batch.memberLeft(memberId.value(), new MembershipBatch.MemberState(status, classId));
        }
        updateSeat(coop, accountId.value(), new Update().set("memberId", memberId.value()).set("status", status));
    }

    private void transition(CooperativeId cooperativeId, MemberId memberId, AccountId accountId, long sequence, String change,
                            MemberStatus status, String classId, Instant at, String actor, Update update) {
        Query notYetApplied = Query.query(where("_id").is(memberId.value()).and("history.sequence").ne(sequence));
        MembershipBatch batch = MembershipBatch.current();
        MembershipBatch.MemberState current = status != null && classId != null ? null : currentState(batch, memberId.value());
        MemberStatus after = status != null ? status : current == null ? null : current.status();
        String classAfter = classId != null ? classId : current == null ? null : current.classId();
        if (status != null) {
            update.set("status", status);
        }
        update.push("history", new MemberDocument.Change(sequence, change, after, classAfter, at, actor));
        writes.updateFirst(MemberDocument.class, notYetApplied, update);
        if (current != null || batch.memberState(memberId.value()) != null || status != null && classId != null) {
            batch.memberLeft(memberId.value(), new MembershipBatch.MemberState(after, classAfter));
        }
        if (status != null) {
            updateSeat(cooperativeId.value(), accountId.value(), new Update().set("memberId", memberId.value()).set("status", status));
        }
    }

    /** The membership's status and class as the batch's writes so far leave it (some may still be queued). */
    private MembershipBatch.MemberState currentState(MembershipBatch batch, String memberId) {
        MembershipBatch.MemberState known = batch.memberState(memberId);
        if (known != null) {
            return known;
        }
        MemberDocument stored = mongo.findById(memberId, MemberDocument.class).block();
        return stored == null ? null : new MembershipBatch.MemberState(stored.status(), stored.classId());
    }

    private void grant(String coop, String accountId, Role role) {
        updateSeat(coop, accountId, new Update().addToSet("roles", role));
    }

    private void updateSeat(String coop, String accountId, Update update) {
        update.setOnInsert("cooperativeId", coop)
                .setOnInsert("cooperativeName", nameOf(DirectoryNameDocument.cooperative(coop)))
                .setOnInsert("accountId", accountId);
        if (!update.modifies("roles")) {
            update.setOnInsert("roles", List.of());
        }
        writes.upsert(SeatDocument.class, Query.query(where("_id").is(SeatDocument.key(coop, accountId))), update);
    }

    // ---- queries ---------------------------------------------------------------------------------------------

    @QueryHandler
    CompletableFuture<List<MemberView>> handle(FindMembers query) {
        String coop = query.cooperativeId().value();
        return grantedRoles(coop).flatMap(roles -> mongo.find(Query.query(where("cooperativeId").is(coop)), MemberDocument.class)
                        .map(d -> view(d, roles.getOrDefault(d.accountId(), Set.of())))
                        .sort(BY_NAME)
                        .collectList())
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<MemberView> handle(FindMember query) {
        String coop = query.cooperativeId().value();
        return mongo.findById(query.memberId().value(), MemberDocument.class)
                .filter(d -> d.cooperativeId().equals(coop))
                .flatMap(d -> mongo.findById(SeatDocument.key(coop, d.accountId()), SeatDocument.class)
                        .map(seat -> roleSet(seat.roles()))
                        .defaultIfEmpty(EnumSet.noneOf(Role.class))
                        .zipWith(actorNames(d))
                        .map(rolesAndNames -> view(d, rolesAndNames.getT1(), rolesAndNames.getT2())))
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<AccessView> handle(FindAccess query) {
        return mongo.findById(SeatDocument.key(query.cooperativeId().value(), query.accountId().value()), SeatDocument.class)
                .map(seat -> new AccessView(query.cooperativeId(), query.accountId(),
                        seat.memberId() == null ? null : new MemberId(seat.memberId()), seat.status(), roleSet(seat.roles())))
                .defaultIfEmpty(AccessView.none(query.cooperativeId(), query.accountId()))
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<List<CooperativeSummary>> handle(FindCooperativesOf query) {
        return mongo.find(Query.query(where("accountId").is(query.accountId().value())), SeatDocument.class)
                .filter(seat -> seat.status() == MemberStatus.APPLIED
                        || !new AccessView(null, null, null, seat.status(), roleSet(seat.roles())).roles().isEmpty())
                .flatMap(seat -> memberCount(seat.cooperativeId()).map(count -> new CooperativeSummary(
                        new CooperativeId(seat.cooperativeId()), seat.cooperativeName(), seat.status(),
                        new AccessView(null, null, null, seat.status(), roleSet(seat.roles())).roles(), count)))
                .sort(Comparator.comparing((CooperativeSummary s) -> s.name() == null ? "" : s.name(), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(s -> s.cooperativeId().value()))
                .collectList()
                .toFuture();
    }

    /** Display names of the accounts that acted on this membership, for its history. */
    private Mono<Map<String, String>> actorNames(MemberDocument d) {
        List<String> keys = d.history() == null ? List.of() : d.history().stream()
                .map(MemberDocument.Change::by).filter(java.util.Objects::nonNull).distinct()
                .map(DirectoryNameDocument::account).toList();
        return mongo.find(Query.query(where("_id").in(keys)), DirectoryNameDocument.class)
                .collectMap(n -> n.id().substring("account:".length()), DirectoryNameDocument::name);
    }

    private Mono<Long> memberCount(String coop) {
        // a find, not a count: the embedded server answers a count by aggregating over the whole collection, while a
        // find by cooperativeId reads only that cooperative's members through the index (ReadModelIndexes)
        Query members = Query.query(where("cooperativeId").is(coop)
                .and("status").in(MemberStatus.ACTIVE.name(), MemberStatus.SUSPENDED.name()));
        members.fields().include("_id");
        return mongo.find(members, org.bson.Document.class, "members").count();
    }

    private Mono<Map<String, Set<Role>>> grantedRoles(String coop) {
        return mongo.find(Query.query(where("cooperativeId").is(coop)), SeatDocument.class)
                .collectMap(SeatDocument::accountId, seat -> roleSet(seat.roles()));
    }

    private static Set<Role> roleSet(List<Role> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    private static MemberView view(MemberDocument d, Set<Role> granted) {
        return view(d, granted, Map.of());
    }

    private static MemberView view(MemberDocument d, Set<Role> granted, Map<String, String> actorNames) {
        Set<Role> roles = new AccessView(null, null, null, d.status(), granted).roles();
        List<MembershipChange> history = d.history() == null ? List.of() : d.history().stream()
                .sorted(Comparator.comparingLong(MemberDocument.Change::sequence))
                .map(c -> new MembershipChange(c.sequence(), c.change(), c.status(), c.classId(), c.at(), c.by(),
                        c.by() == null ? null : actorNames.get(c.by())))
                .toList();
        return new MemberView(new MemberId(d.id()), new CooperativeId(d.cooperativeId()), new AccountId(d.accountId()),
                d.displayName(), d.classId(), d.status(), roles, d.appliedAt(), d.memberSince(), history);
    }
}
