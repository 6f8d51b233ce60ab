package coop.plenum.governance.webhook;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A secretary registers a URL to receive the cooperative's deliveries of these kinds. The signing secret never
 * travels in a command or an event: it is derived from the instance's webhook key and the webhook's id
 * ({@code WebhookSecrets}) and shown once by the API.
 */
public record RegisterWebhook(@TargetAggregateIdentifier WebhookId webhookId, CooperativeId cooperativeId, String url,
                              List<String> kinds) implements CheckedCommand {

    public static final int MAX_KINDS = 20;

    @Override
    public List<Violation> inputViolations() {
        List<Violation> violations = new ArrayList<>();
        WebhookUrl.checkShape(url, violations);
        if (kinds == null || kinds.isEmpty() || kinds.size() > MAX_KINDS) {
            violations.add(new Violation("events", "webhook.events-required", "events lists 1 to " + MAX_KINDS
                    + " kinds of delivery, e.g. [\"voting.opened\", \"voting.closed\"]"));
            return violations;
        }
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            if (WebhookKind.ofWireName(kind).filter(WebhookKind::subscribable).isEmpty()) {
                violations.add(new Violation("events[" + i + "]", "webhook.event-unknown", "events[" + i + "] is one of "
                        + String.join(", ", java.util.Arrays.stream(WebhookKind.values()).filter(WebhookKind::subscribable)
                        .map(WebhookKind::wireName).toList())));
                break;
            }
        }
        if (violations.isEmpty() && Set.copyOf(kinds).size() != kinds.size()) {
            violations.add(new Violation("events", "webhook.events-repeated", "events names each kind once"));
        }
        return violations;
    }
}
