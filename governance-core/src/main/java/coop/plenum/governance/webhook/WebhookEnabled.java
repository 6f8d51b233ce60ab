package coop.plenum.governance.webhook;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: a secretary enabled the webhook again: queued deliveries resume and later events are delivered. */
public record WebhookEnabled(WebhookId webhookId, CooperativeId cooperativeId, AccountId by, Instant enabledAt) {
}
