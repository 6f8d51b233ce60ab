package coop.plenum.governance.webhook.delivery;

import java.time.Instant;
import java.util.List;

/**
 * One delivery to one webhook: PENDING (waiting for its next attempt), SENDING, DELIVERED, FAILED (attempts used up)
 * or CANCELLED (the webhook was deleted), with every attempt made.
 */
public record DeliveryView(String deliveryId, String webhookId, String kind, String status, int attempts,
                           Integer lastResponseCode, Long lastLatencyMillis, String lastError, Instant createdAt,
                           Instant lastAttemptAt, Instant nextAttemptAt, List<Attempt> attemptLog) {

    /** One try: when, the receiver's status code (null when none came), how long it took, and what went wrong. */
    public record Attempt(Instant at, Integer responseCode, long latencyMillis, String error) {
    }
}
