package coop.plenum.governance.webhook;

import coop.plenum.governance.ids.CooperativeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A secretary's request about one webhook of {@code cooperativeId} (unknown there: 404). See {@link WebhookDeleted}. */
public record DeleteWebhook(@TargetAggregateIdentifier WebhookId webhookId, CooperativeId cooperativeId) {
}
