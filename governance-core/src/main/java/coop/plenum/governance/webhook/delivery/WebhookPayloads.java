package coop.plenum.governance.webhook.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.plenum.governance.webhook.WebhookKind;

import java.time.Instant;

/**
 * The documented, versioned JSON sent to receivers (docs/integrations.md): an envelope with the delivery's id (the
 * receiver's idempotency key), kind, payload version, cooperative, when the fact happened and when this attempt was
 * sent (inside the signed body, so a captured request cannot be replayed later unnoticed), and the kind's {@code data}.
 * Never the raw event: the event's shape may change with upcasters; this contract changes only with {@link #VERSION}.
 */
final class WebhookPayloads {

    /** Version of every kind's {@code data} shape; bumped, with the docs, when any of them changes incompatibly. */
    static final int VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayloads() {
    }

    static ObjectNode data() {
        return JSON.createObjectNode();
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The body of one attempt; the signature covers exactly these bytes. */
    static byte[] body(String deliveryId, WebhookKind kind, String cooperativeId, Instant occurredAt, Instant sentAt,
                       int attempt, String data) {
        try {
            ObjectNode envelope = JSON.createObjectNode();
            envelope.put("deliveryId", deliveryId);
            envelope.put("kind", kind.wireName());
            envelope.put("version", VERSION);
            envelope.put("cooperativeId", cooperativeId);
            envelope.put("occurredAt", text(occurredAt));
            envelope.put("sentAt", text(sentAt));
            envelope.put("attempt", attempt);
            envelope.set("data", JSON.readTree(data));
            return JSON.writeValueAsBytes(envelope);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a queued payload is JSON written by WebhookOutbox", e);
        }
    }
}
