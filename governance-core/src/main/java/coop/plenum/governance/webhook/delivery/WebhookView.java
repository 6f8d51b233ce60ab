package coop.plenum.governance.webhook.delivery;

import java.time.Instant;
import java.util.List;

/** One webhook of a cooperative as its secretaries see it (never its secret). */
public record WebhookView(String webhookId, String cooperativeId, String url, List<String> kinds, boolean enabled,
                          Instant registeredAt) {
}
