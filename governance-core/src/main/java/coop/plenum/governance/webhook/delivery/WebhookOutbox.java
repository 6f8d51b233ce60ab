package coop.plenum.governance.webhook.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.plenum.governance.mail.PublicUrl;
import coop.plenum.governance.membership.MemberAdmitted;
import coop.plenum.governance.membership.MemberAdmittedByDecision;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.ProposalRevised;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.Visibility;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.storage.SettledDocuments;
import coop.plenum.governance.webhook.WebhookDeleted;
import coop.plenum.governance.webhook.WebhookDisabled;
import coop.plenum.governance.webhook.WebhookEnabled;
import coop.plenum.governance.webhook.WebhookKind;
import coop.plenum.governance.webhook.WebhookRegistered;
import coop.plenum.governance.webhook.WebhookTestRequested;
import coop.plenum.ledger.ContributionAccepted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Turns the event log into queued deliveries: for each event of a kind some webhook of its cooperative subscribes
 * to, one outbox document per webhook with the kind's payload. It runs as a policy processor in one segment (so it
 * sees a webhook's registration and pauses in log order) whose token is in MongoDB next to the outbox
 * (ProcessingConfiguration.OUTBOXES): the token moves only after the event's writes, so none is skipped, and the
 * outbox is keyed by event and webhook, so an event handled again after a restart or a crash queues nothing new. Sending is {@link WebhookDispatcher}'s
 * job, on its own threads: a slow receiver never holds up this processor.
 */
@Component
@ProcessingGroup(WebhookOutbox.GROUP)
class WebhookOutbox {

    static final String GROUP = "policy-webhooks";

    private final WebhookStore store;
    private final PublicUrl links;
    private final WebhookDispatcher dispatcher;
    private final EventStore log;
    /** A proposal's cooperative never changes: read once, so a ballot nobody is told of reads nothing but webhooks. */
    private final SettledDocuments<String, String> cooperativeOfProposal = new SettledDocuments<>(10_000);

    WebhookOutbox(WebhookStore store, PublicUrl links, WebhookDispatcher dispatcher,
                  coop.plenum.governance.axon.ReadModelWrites writes, EventStore log) {
        this.store = store;
        this.log = log;
        // a ballot's bookkeeping (its voter, the proposal's count) waits for the batch's bulk write; every other event
        // flushes what is queued before it is handled
        writes.batch(this, GROUP, BallotCast.class, BallotRetracted.class, coop.plenum.governance.proposal.SecretBallotCast.class,
                coop.plenum.governance.proposal.SecretBallotRetracted.class);
        this.links = links;
        this.dispatcher = dispatcher;
    }

    // --- the webhooks themselves --------------------------------------------------------------------------------

    @EventHandler
    void on(WebhookRegistered event, TrackingToken token) {
        store.registered(event.webhookId().value(), event.cooperativeId().value(), event.url(), event.kinds(),
                event.registeredAt(), position(token));
        if (event.kinds().contains(WebhookKind.BALLOT_CAST.wireName())) {
            store.ballotCountsStale(event.cooperativeId().value());
        }
    }

    @EventHandler
    void on(WebhookDisabled event, TrackingToken token) {
        store.enabled(event.webhookId().value(), false, position(token));
    }

    @EventHandler
    void on(WebhookEnabled event, TrackingToken token) {
        store.enabled(event.webhookId().value(), true, position(token));
        store.endpoint(event.webhookId().value())
                .filter(endpoint -> endpoint.getList("kinds", String.class, List.of()).contains(WebhookKind.BALLOT_CAST.wireName()))
                .ifPresent(endpoint -> store.ballotCountsStale(endpoint.getString("cooperativeId")));
        dispatcher.wake();
    }

    @EventHandler
    void on(WebhookDeleted event, TrackingToken token) {
        store.deleted(event.webhookId().value(), position(token));
    }

    /** The event's place in the log (the processor reads one log, so every token knows it). */
    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("a tracking token without a position: " + token));
    }

    @EventHandler
    void on(WebhookTestRequested event, EventMessage<?> message) {
        ObjectNode data = WebhookPayloads.data();
        data.put("webhookId", event.webhookId().value());
        data.put("message", "A test delivery, asked for by a secretary of this cooperative.");
        data.put("requestedAt", WebhookPayloads.text(event.requestedAt()));
        store.endpoint(event.webhookId().value()).filter(d -> !d.getBoolean("deleted", false))
                .ifPresent(endpoint -> enqueue(message, endpoint, WebhookKind.WEBHOOK_TEST, event.cooperativeId().value(), data));
    }

    // --- what receivers are told ----------------------------------------------------------------------------------

    @EventHandler
    void on(ProposalSubmitted event, EventMessage<?> message) {
        String coop = event.cooperativeId().value();
        store.proposal(event.proposalId().value(), coop, event.title(), event.resultsVisibility().name());
        ObjectNode data = proposal(coop, event.proposalId().value(), event.title());
        data.put("topic", event.topic());
        data.put("method", event.votingMethod().name());
        data.put("visibility", event.resultsVisibility().name());
        data.put("votingOpensAt", WebhookPayloads.text(event.votingOpensAt()));
        data.put("votingClosesAt", WebhookPayloads.text(event.votingClosesAt()));
        data.put("submittedAt", WebhookPayloads.text(event.submittedAt()));
        deliver(message, coop, WebhookKind.PROPOSAL_SUBMITTED, data);
    }

    @EventHandler
    void on(ProposalRevised event) {
        store.retitled(event.proposalId().value(), event.title());
    }

    @EventHandler
    void on(VotingOpened event, EventMessage<?> message) {
        String coop = event.cooperativeId().value();
        String proposalId = event.proposalId().value();
        store.visibility(proposalId, event.resultsVisibility().name());
        ObjectNode data = proposal(coop, proposalId, titleOf(proposalId));
        data.put("method", event.votingMethod().name());
        data.put("visibility", event.resultsVisibility().name());
        data.put("electorateSize", event.electorate().size());
        data.put("openedAt", WebhookPayloads.text(event.openedAt()));
        deliver(message, coop, WebhookKind.VOTING_OPENED, data);
    }

    /**
     * Counts only: how many members have a ballot standing. Who voted is told only where the proposal's ballots are
     * visible to the cooperative while voting (PUBLIC); what anyone voted is never told here.
     */
    @EventHandler
    void on(BallotCast event, EventMessage<?> message, TrackingToken token) {
        cast(event.proposalId().value(), event.memberId().value(), event.castAt(), false, message, token);
    }

    /**
     * SPEC "secrecy: SECRET": who took part is public, so a sealed ballot is told like an open one (the count, the
     * member where the proposal's ballots are PUBLIC), with {@code secret: true}; the sealed ballot is never read here.
     */
    @EventHandler
    void on(coop.plenum.governance.proposal.SecretBallotCast event, EventMessage<?> message, TrackingToken token) {
        cast(event.proposalId().value(), event.memberId().value(), event.castAt(), true, message, token);
    }

    private void cast(String proposalId, String memberId, java.time.Instant castAt, boolean secret, EventMessage<?> message,
                      TrackingToken token) {
        if (!counted(proposalId, message, token)) {
            return;
        }
        store.voted(proposalId, memberId, position(token)).ifPresent(proposal -> {
            String coop = proposal.getString("cooperativeId");
            ObjectNode data = proposal(coop, proposalId, proposal.getString("title"));
            data.put("ballotsStanding", proposal.get("ballotsStanding", Number.class) == null ? 0
                    : proposal.get("ballotsStanding", Number.class).intValue());
            data.put("castAt", WebhookPayloads.text(castAt));
            if (Visibility.PUBLIC.name().equals(proposal.getString("visibility"))) {
                data.put("memberId", memberId);
            }
            if (secret) {
                data.put("secret", true);
            }
            deliver(message, coop, WebhookKind.BALLOT_CAST, data);
        });
    }

    @EventHandler
    void on(BallotRetracted event, EventMessage<?> message, TrackingToken token) {
        if (counted(event.proposalId().value(), message, token)) {
            store.retracted(event.proposalId().value(), event.memberId().value(), position(token));
        }
    }

    @EventHandler
    void on(coop.plenum.governance.proposal.SecretBallotRetracted event, EventMessage<?> message, TrackingToken token) {
        if (counted(event.proposalId().value(), message, token)) {
            store.retracted(event.proposalId().value(), event.memberId().value(), position(token));
        }
    }

    /**
     * Whether a ballot event of the proposal is told to anyone, that is, some webhook of its cooperative hears of
     * ballots at this point of the log. Only then is the count of standing ballots kept: in a cooperative without such
     * a webhook (most of them) a ballot costs this processor one read of the cooperative's webhooks per batch and no
     * write. When a webhook starts hearing of ballots its cooperative's counts are marked stale, and the first ballot
     * told afterwards counts the proposal's standing ballots again from the log, up to the event before it.
     */
    private boolean counted(String proposalId, EventMessage<?> message, TrackingToken token) {
        String coop = cooperativeOfProposal.get(proposalId,
                id -> store.proposal(id).map(p -> p.getString("cooperativeId")).orElse(null), found -> true);
        if (coop == null || store.subscribers(coop, WebhookKind.BALLOT_CAST.wireName(), position(token)).isEmpty()) {
            return false;
        }
        Document proposal = store.proposalOfBatch(proposalId);
        if (proposal != null && proposal.getBoolean("stale", false)) {
            if (!(message instanceof DomainEventMessage<?> event)) {
                throw new IllegalStateException("a ballot event that is not its proposal's: " + message.getPayloadType());
            }
            store.recounted(proposalId, StandingBallotsInTheLog.before(log, proposalId, event.getSequenceNumber()));
        }
        return true;
    }

    @EventHandler
    void on(VotingClosed event, EventMessage<?> message) {
        String proposalId = event.proposalId().value();
        store.proposal(proposalId).ifPresent(proposal -> {
            String coop = proposal.getString("cooperativeId");
            ObjectNode data = proposal(coop, proposalId, proposal.getString("title"));
            data.put("outcome", event.outcome().name());
            // the exact fraction as recorded, never a floating-point number
            data.put("approval", event.approval());
            var winners = data.putArray("winners");
            (event.winners() == null ? List.<String>of() : event.winners()).forEach(winners::add);
            data.put("closedAt", WebhookPayloads.text(event.closedAt()));
            deliver(message, coop, WebhookKind.VOTING_CLOSED, data);
        });
    }

    @EventHandler
    void on(MemberAdmitted event, EventMessage<?> message) {
        admitted(message, event.cooperativeId().value(), event.memberId().value(), event.classId(), null, event.admittedAt());
    }

    @EventHandler
    void on(MemberAdmittedByDecision event, EventMessage<?> message) {
        admitted(message, event.cooperativeId().value(), event.memberId().value(), event.classId(),
                event.proposalId().value(), event.admittedAt());
    }

    @EventHandler
    void on(ContributionAccepted event, EventMessage<?> message) {
        String ledger = event.ledgerId().value();
        String coop = ledger.substring("ledger-".length());
        ObjectNode data = WebhookPayloads.data();
        data.put("contributionId", event.contributionId().value());
        data.put("contributorId", event.contributorId().value());
        data.put("project", event.project());
        data.put("occurredOn", event.occurredOn() == null ? null : event.occurredOn().toString());
        // exact decimal, as text
        data.put("points", event.points().toPlainString());
        data.put("acceptedAt", WebhookPayloads.text(event.acceptedAt()));
        deliver(message, coop, WebhookKind.CONTRIBUTION_ACCEPTED, data);
    }

    private void admitted(EventMessage<?> message, String coop, String memberId, String classId, String proposalId, Instant at) {
        ObjectNode data = WebhookPayloads.data();
        data.put("memberId", memberId);
        data.put("classId", classId);
        data.put("byDecision", proposalId);
        data.put("admittedAt", WebhookPayloads.text(at));
        deliver(message, coop, WebhookKind.MEMBER_ADMITTED, data);
    }

    private ObjectNode proposal(String coop, String proposalId, String title) {
        ObjectNode data = WebhookPayloads.data();
        data.put("proposalId", proposalId);
        data.put("title", title);
        data.put("link", links.link("/cooperatives/" + coop + "/proposals/" + proposalId));
        return data;
    }

    private String titleOf(String proposalId) {
        return store.proposal(proposalId).map(p -> p.getString("title")).orElse(null);
    }

    private void deliver(EventMessage<?> message, String coop, WebhookKind kind, ObjectNode data) {
        if (!(message instanceof TrackedEventMessage<?> tracked)) {
            throw new IllegalStateException("the outbox runs on a streaming processor, whose events are tracked");
        }
        boolean queued = false;
        for (Document endpoint : store.subscribers(coop, kind.wireName(), position(tracked.trackingToken()))) {
            queued |= enqueue(message, endpoint, kind, coop, data);
        }
        if (queued) {
            dispatcher.wake();
        }
    }

    private boolean enqueue(EventMessage<?> message, Document endpoint, WebhookKind kind, String coop, ObjectNode data) {
        String webhookId = endpoint.getString("_id");
        String key = message.getIdentifier() + ":" + webhookId;
        Date now = Date.from(message.getTimestamp());
        boolean queued = store.enqueue(new Document("_id", key)
                .append("deliveryId", UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString())
                .append("webhookId", webhookId)
                .append("cooperativeId", coop)
                .append("kind", kind.wireName())
                .append("data", data.toString())
                .append("occurredAt", now)
                .append("createdAt", now)
                .append("status", WebhookStore.PENDING)
                .append("webhookEnabled", true)
                .append("attempts", 0)
                .append("nextAttemptAt", now)
                .append("attemptLog", List.of()));
        if (queued && kind == WebhookKind.WEBHOOK_TEST) {
            dispatcher.wake();
        }
        return queued;
    }
}
