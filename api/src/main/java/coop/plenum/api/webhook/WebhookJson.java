package coop.plenum.api.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import coop.plenum.governance.webhook.delivery.WebhookView;

import java.time.Instant;
import java.util.List;

/** A webhook; {@code secret} only in the answer to its registration (shown once, never again). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookJson(String webhookId, String url, List<String> events, boolean enabled, Instant registeredAt, String secret) {

    static WebhookJson of(WebhookView view) {
        return new WebhookJson(view.webhookId(), view.url(), view.kinds(), view.enabled(), view.registeredAt(), null);
    }
}
