package coop.plenum.api.webhook;

import coop.plenum.governance.webhook.delivery.DeliveryView;

import java.time.Instant;
import java.util.List;

/** One entry of a webhook's delivery log, with each attempt. */
record DeliveryJson(String deliveryId, String event, String status, int attempts, Integer lastResponseCode,
                    Long lastLatencyMillis, String lastError, Instant createdAt, Instant lastAttemptAt,
                    Instant nextAttemptAt, List<DeliveryView.Attempt> attemptLog) {

    static DeliveryJson of(DeliveryView d) {
        return new DeliveryJson(d.deliveryId(), d.kind(), d.status(), d.attempts(), d.lastResponseCode(),
                d.lastLatencyMillis(), d.lastError(), d.createdAt(), d.lastAttemptAt(), d.nextAttemptAt(), d.attemptLog());
    }
}
