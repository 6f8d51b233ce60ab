package coop.plenum.governance.webhook.delivery;

import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** What the API and the secretary's page read about a cooperative's webhooks and their deliveries. Blocking. */
@Component
public class WebhookDirectory {

    public static final int DELIVERY_LOG_LENGTH = 100;

    private final WebhookStore store;

    WebhookDirectory(WebhookStore store) {
        this.store = store;
    }

    public List<WebhookView> of(String cooperativeId) {
        return store.endpointsOf(cooperativeId).stream().map(WebhookDirectory::view).toList();
    }

    /** The webhook if it exists in this cooperative and is not deleted. */
    public Optional<WebhookView> find(String cooperativeId, String webhookId) {
        return store.endpoint(webhookId)
                .filter(d -> cooperativeId.equals(d.getString("cooperativeId")) && !d.getBoolean("deleted", false))
                .map(WebhookDirectory::view);
    }

    /** The newest {@value #DELIVERY_LOG_LENGTH} deliveries, newest first. */
    public List<DeliveryView> deliveries(String webhookId) {
        return store.deliveriesOf(webhookId, DELIVERY_LOG_LENGTH).stream().map(WebhookDirectory::delivery).toList();
    }

    private static WebhookView view(Document d) {
        return new WebhookView(d.getString("_id"), d.getString("cooperativeId"), d.getString("url"),
                d.getList("kinds", String.class, List.of()), d.getBoolean("enabled", false), instant(d.getDate("registeredAt")));
    }

    private static DeliveryView delivery(Document d) {
        List<DeliveryView.Attempt> attempts = d.getList("attemptLog", Document.class, List.of()).stream()
                .map(a -> new DeliveryView.Attempt(instant(a.getDate("at")), a.getInteger("responseCode"),
                        number(a.get("latencyMillis")), a.getString("error")))
                .toList();
        return new DeliveryView(d.getString("deliveryId"), d.getString("webhookId"), d.getString("kind"),
                d.getString("status"), d.getInteger("attempts", 0), d.getInteger("lastResponseCode"),
                d.get("lastLatencyMillis") == null ? null : number(d.get("lastLatencyMillis")), d.getString("lastError"),
                instant(d.getDate("createdAt")), instant(d.getDate("lastAttemptAt")),
                WebhookStore.PENDING.equals(d.getString("status")) ? instant(d.getDate("nextAttemptAt")) : null, attempts);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
