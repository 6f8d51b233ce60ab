package coop.plenum.governance.webhook.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import coop.plenum.governance.axon.ReadModelWrites;
import coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery processor's state in MongoDB: the webhooks it knows ({@code webhook_endpoints}), each proposal's
 * cooperative, title, visibility and count of standing ballots ({@code webhook_proposals}) with one document per
 * voter ({@code webhook_voters}), and the outbox ({@code webhook_deliveries}),
 * one document per event and webhook, keyed {@code <event id>:<webhook id>} so that an event handled twice (after a
 * restart before the processor's token was stored) queues nothing twice. None of it is a read model: a read-model
 * rebuild leaves it alone, and the processor is never replayed.
 */
@Component
class WebhookStore {

    private static final String ENDPOINTS_OF_BATCH = WebhookStore.class.getName() + ".endpoints";

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    private final MongoCollection<Document> endpoints;
    private final MongoCollection<Document> proposals;
    private final MongoCollection<Document> voters;
    private final MongoCollection<Document> deliveries;
    private final ReadModelWrites writes;

    WebhookStore(MongoClient client, ReadModelDatabase database, ReadModelWrites writes) {
        this.writes = writes;
        var db = client.getDatabase(database.name());
        this.endpoints = db.getCollection("webhook_endpoints");
        this.proposals = db.getCollection("webhook_proposals");
        this.voters = db.getCollection("webhook_voters");
        this.deliveries = db.getCollection("webhook_deliveries");
        endpoints.createIndex(Indexes.ascending("cooperativeId"));
        deliveries.createIndex(Indexes.ascending("webhookId"));
        deliveries.createIndex(Indexes.ascending("nextAttemptAt"));
        votersOutOfTheirLists();
    }

    /*
     * Stores before 2026-12-02 kept each proposal's voters as one list inside its document, so every ballot rewrote
     * (and the embedded store deep-copied) a document that grew with the electorate. They move to one document per
     * voter, once, at start-up; doing it again after an interruption gives the same result.
     */
    private void votersOutOfTheirLists() {
        for (Document proposal : proposals.find(Filters.exists("voters"))) {
            List<String> listed = proposal.getList("voters", String.class, List.of());
            for (String member : listed) {
                insertIfAbsent(voters, voter(voterKey(proposal.getString("_id"), member), true, -1L));
            }
            proposals.updateOne(Filters.eq("_id", proposal.get("_id")), Updates.combine(
                    Updates.set("ballotsStanding", listed.size()), Updates.unset("voters")));
        }
    }

    // --- webhooks -------------------------------------------------------------------------------------------------

    /*
     * Each webhook remembers the log positions of its registration, pauses and deletion, so that an event handled
     * again (a restart before the token was stored, or a replay) is judged by the webhook as it was at that event,
     * not as it is now: an admission just before the registration is never queued, whenever it is handled.
     */

    void registered(String webhookId, String cooperativeId, String url, List<String> kinds, Instant at, long position) {
        endpointsChanged();
        endpoints.updateOne(Filters.eq("_id", webhookId), Updates.combine(
                Updates.set("cooperativeId", cooperativeId), Updates.set("url", url), Updates.set("kinds", kinds),
                Updates.set("enabled", true), Updates.set("deleted", false), Updates.set("registeredAt", Date.from(at)),
                Updates.set("since", position)),
                new UpdateOptions().upsert(true));
    }

    void enabled(String webhookId, boolean enabled, long position) {
        endpointsChanged();
        Document endpoint = endpoints.find(Filters.eq("_id", webhookId)).first();
        Bson pause;
        if (enabled) {
            // closes the pause that is open, or the one this enabling closed before (handled again)
            String open = endpoint == null ? null : endpoint.get("pauses", new Document()).entrySet().stream()
                    .filter(e -> Long.parseLong(e.getKey()) < position
                            && (((Number) e.getValue()).longValue() == Long.MAX_VALUE || ((Number) e.getValue()).longValue() == position))
                    .map(java.util.Map.Entry::getKey).max(java.util.Comparator.comparingLong(Long::parseLong)).orElse(null);
            pause = open == null ? null : Updates.set("pauses." + open, position);
        } else {
            pause = Updates.set("pauses." + position, Long.MAX_VALUE);
        }
        endpoints.updateOne(Filters.eq("_id", webhookId), pause == null ? Updates.set("enabled", true)
                : Updates.combine(Updates.set("enabled", enabled), pause));
        deliveries.updateMany(Filters.eq("webhookId", webhookId), Updates.set("webhookEnabled", enabled));
    }

    void deleted(String webhookId, long position) {
        endpointsChanged();
        endpoints.updateOne(Filters.eq("_id", webhookId), Updates.combine(Updates.set("deleted", true),
                Updates.set("until", position)));
        deliveries.updateMany(Filters.and(Filters.eq("webhookId", webhookId), Filters.in("status", PENDING, SENDING)),
                Updates.combine(Updates.set("status", CANCELLED), Updates.unset("nextAttemptAt")));
    }

    /** The cooperative's webhooks that, at the event at {@code position}, were registered, enabled and subscribed to {@code kind}. */
    List<Document> subscribers(String cooperativeId, String kind, long position) {
        List<Document> found = new ArrayList<>();
        for (Document d : endpointsOfBatch(cooperativeId)) {
            if (liveAt(d, position) && d.getList("kinds", String.class, List.of()).contains(kind)) {
                found.add(d);
            }
        }
        return found;
    }

    /*
     * Every event of a cooperative asks for its webhooks, usually none; one lookup per processor batch is enough, since
     * within a batch only this processor's own handlers change them (registered, enabled, deleted drop what was read)
     * and the segment cannot move to another node in the middle of a batch. Outside a batch (a test calling a
     * handler) every call reads.
     */
    private List<Document> endpointsOfBatch(String cooperativeId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return endpoints.find(Filters.eq("cooperativeId", cooperativeId)).into(new ArrayList<>());
        }
        Map<String, List<Document>> read = CurrentUnitOfWork.get().root()
                .getOrComputeResource(ENDPOINTS_OF_BATCH, key -> new HashMap<String, List<Document>>());
        return read.computeIfAbsent(cooperativeId,
                coop -> endpoints.find(Filters.eq("cooperativeId", coop)).into(new ArrayList<>()));
    }

    private static void endpointsChanged() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().remove(ENDPOINTS_OF_BATCH);
        }
    }

    static boolean liveAt(Document endpoint, long position) {
        Number since = endpoint.get("since", Number.class);
        Number until = endpoint.get("until", Number.class);
        if (since == null || since.longValue() >= position || (until != null && until.longValue() <= position)) {
            return false;
        }
        return endpoint.get("pauses", new Document()).entrySet().stream().noneMatch(pause ->
                Long.parseLong(pause.getKey()) < position && position < ((Number) pause.getValue()).longValue());
    }

    Optional<Document> endpoint(String webhookId) {
        return Optional.ofNullable(endpoints.find(Filters.eq("_id", webhookId)).first());
    }

    List<Document> endpointsOf(String cooperativeId) {
        List<Document> found = new ArrayList<>();
        endpoints.find(Filters.eq("cooperativeId", cooperativeId)).sort(Sorts.ascending("registeredAt"))
                .forEach(d -> {
                    if (!d.getBoolean("deleted", false)) {
                        found.add(d);
                    }
                });
        return found;
    }

    // --- proposals ------------------------------------------------------------------------------------------------

    void proposal(String proposalId, String cooperativeId, String title, String visibility) {
        BallotsOfBatch.proposalsChanged();
        proposals.updateOne(Filters.eq("_id", proposalId), Updates.combine(Updates.set("cooperativeId", cooperativeId),
                Updates.set("title", title), Updates.set("visibility", visibility)), new UpdateOptions().upsert(true));
    }

    void retitled(String proposalId, String title) {
        BallotsOfBatch.proposalsChanged();
        proposals.updateOne(Filters.eq("_id", proposalId), Updates.set("title", title));
    }

    void visibility(String proposalId, String visibility) {
        BallotsOfBatch.proposalsChanged();
        proposals.updateOne(Filters.eq("_id", proposalId), Updates.set("visibility", visibility));
    }

    Optional<Document> proposal(String proposalId) {
        return Optional.ofNullable(proposals.find(Filters.eq("_id", proposalId)).first());
    }

    /** The proposal's document as the current batch leaves it (read once per batch), or null when there is none. */
    Document proposalOfBatch(String proposalId) {
        return BallotsOfBatch.current().proposal(proposalId, this::proposal);
    }

    /**
     * A webhook of the cooperative now hears of ballots after a time when none may have: the counts of its proposals'
     * standing ballots were not kept meanwhile (a ballot nobody is told of costs no bookkeeping), so each is counted
     * again from the log before its next ballot is told ({@link #recounted}).
     */
    void ballotCountsStale(String cooperativeId) {
        BallotsOfBatch.proposalsChanged();
        proposals.updateMany(Filters.eq("cooperativeId", cooperativeId), Updates.set("stale", true));
    }

    /**
     * The proposal's voters and count as the log gives them before the ballot about to be told: one document per
     * member who ever cast (standing or not), each at position -1 so the ballot's own change still counts, and the
     * count no longer stale. Written at once, voters first: a crash in between leaves the count stale, so the next
     * attempt counts again from the log.
     */
    void recounted(String proposalId, Map<String, Boolean> standing) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        standing.forEach((member, stands) -> writes.add(new ReplaceOneModel<>(
                Filters.eq("_id", voterKey(proposalId, member)), voter(voterKey(proposalId, member), stands, -1L),
                new ReplaceOptions().upsert(true))));
        if (!writes.isEmpty()) {
            voters.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        long count = standing.values().stream().filter(Boolean::booleanValue).count();
        proposals.updateOne(Filters.eq("_id", proposalId), Updates.combine(Updates.set("ballotsStanding", count),
                Updates.set("countedUpTo", -1L), Updates.unset("stale")));
        BallotsOfBatch.forget(proposalId);
    }

    /**
     * Counts the voter in (a recast of the same member counts once) and answers the proposal after the change, with
     * {@code ballotsStanding}. Each voter is a document of its own and the proposal keeps only the count, so a ballot
     * costs the same at 20 members as at 20,000. The event's log position makes the count exact when an event is
     * handled again after a crash between the writes: the voter document remembers the position of the event that
     * last changed it, and the proposal the last position it counted.
     * <p>
     * Within a batch of events the writes wait for the batch's bulk write ({@link ReadModelWrites}, the processor's
     * token is stored after it) and what the batch read and changed is kept in {@link BallotsOfBatch}: the voters of
     * all the batch's ballots on a proposal are read in one query, and the count is written as the value the batch
     * arrived at, which is the same however often the batch is handled again.
     */
    Optional<Document> voted(String proposalId, String memberId, long position) {
        BallotsOfBatch batch = BallotsOfBatch.current();
        boolean changed = voterChanged(batch, proposalId, memberId, true, position);
        Document proposal = batch.proposal(proposalId, this::proposal);
        if (proposal == null) {
            return Optional.empty();
        }
        if (changed) {
            count(proposalId, proposal, 1, position);
        }
        return Optional.of(new Document(proposal));
    }

    /** Counts the voter out; like {@link #voted}, exactly once per event. */
    void retracted(String proposalId, String memberId, long position) {
        BallotsOfBatch batch = BallotsOfBatch.current();
        if (voterChanged(batch, proposalId, memberId, false, position)) {
            Document proposal = batch.proposal(proposalId, this::proposal);
            if (proposal != null) {
                count(proposalId, proposal, -1, position);
            }
        }
    }

    private void count(String proposalId, Document proposal, int change, long position) {
        Number counted = proposal.get("countedUpTo", Number.class);
        if (counted != null && counted.longValue() >= position) {
            return; // counted before (the event handled again)
        }
        Number standing = proposal.get("ballotsStanding", Number.class);
        long now = (standing == null ? 0 : standing.longValue()) + change;
        proposal.put("ballotsStanding", now);
        proposal.put("countedUpTo", position);
        writes.upsert("webhook_proposals", byId(proposalId),
                Update.update("ballotsStanding", now).set("countedUpTo", position));
    }

    /**
     * Whether the event at {@code position} moves the member in or out of the proposal's voters: true when it does
     * now, and also when it already did (the event handled again), so the caller's count, guarded by position, catches
     * up. The processor runs in one segment, one event at a time, so nothing changes a voter between read and write.
     */
    private boolean voterChanged(BallotsOfBatch batch, String proposalId, String memberId, boolean standing, long position) {
        String key = voterKey(proposalId, memberId);
        Document voter = batch.voter(proposalId, key, keys -> voters.find(Filters.in("_id", keys)).into(new ArrayList<>()));
        if (voter == null && !standing) {
            return false;
        }
        if (voter == null || voter.getBoolean("standing", false) != standing) {
            batch.voterIs(key, voter(key, standing, position));
            writes.upsert("webhook_voters", byId(key), Update.update("standing", standing).set("since", position));
            return true;
        }
        return voter.get("since", Number.class).longValue() == position;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static Document voter(String key, boolean standing, long position) {
        return new Document("_id", key).append("standing", standing).append("since", position);
    }

    private static String voterKey(String proposalId, String memberId) {
        return proposalId + "|" + memberId;
    }

    private static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    // --- the outbox -----------------------------------------------------------------------------------------------

    /** Queues a delivery unless this event was already queued for this webhook; answers whether it queued one. */
    boolean enqueue(Document delivery) {
        try {
            deliveries.insertOne(delivery);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Deliveries whose time has come (PENDING, or SENDING with an expired lease), oldest first. */
    List<Document> due(Instant now, int limit) {
        List<Document> found = new ArrayList<>();
        deliveries.find(Filters.and(Filters.lte("nextAttemptAt", Date.from(now)), Filters.in("status", PENDING, SENDING),
                        Filters.ne("webhookEnabled", false)))
                .sort(Sorts.ascending("nextAttemptAt")).limit(limit).into(found);
        return found;
    }

    /**
     * Takes a due delivery for one attempt if nobody took it meanwhile (another node, or an earlier poll): the
     * condition on {@code nextAttemptAt} makes the claim a compare-and-set. The lease is the next attempt time, so a
     * delivery whose sender died is taken again once the lease has passed.
     */
    Optional<Document> claim(Document due, Instant leaseUntil) {
        Bson unchanged = Filters.and(Filters.eq("_id", due.get("_id")), Filters.eq("nextAttemptAt", due.getDate("nextAttemptAt")),
                Filters.in("status", PENDING, SENDING));
        return Optional.ofNullable(deliveries.findOneAndUpdate(unchanged,
                Updates.combine(Updates.set("status", SENDING), Updates.set("nextAttemptAt", Date.from(leaseUntil))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** Records one attempt; {@code next} is the time of the next attempt, or null when this one settled it. */
    void attempted(Object id, String status, Document attempt, Instant next) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("status", status), Updates.inc("attempts", 1),
                Updates.push("attemptLog", attempt), Updates.set("lastAttemptAt", attempt.getDate("at")),
                Updates.set("lastResponseCode", attempt.get("responseCode")),
                Updates.set("lastLatencyMillis", attempt.get("latencyMillis")), Updates.set("lastError", attempt.get("error"))));
        updates.add(next == null ? Updates.unset("nextAttemptAt") : Updates.set("nextAttemptAt", Date.from(next)));
        // a delivery cancelled meanwhile (webhook deleted) stays cancelled
        deliveries.updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("status", CANCELLED)), Updates.combine(updates));
    }

    /** The webhook's deliveries, newest first. */
    List<Document> deliveriesOf(String webhookId, int limit) {
        List<Document> found = new ArrayList<>();
        deliveries.find(Filters.eq("webhookId", webhookId)).sort(Sorts.descending("createdAt")).limit(limit).into(found);
        return found;
    }
}
