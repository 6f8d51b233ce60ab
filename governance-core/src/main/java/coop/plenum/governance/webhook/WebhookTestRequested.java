package coop.plenum.governance.webhook;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: a secretary asked for a test delivery (kind webhook.test) to the webhook, whatever kinds it subscribes to. */
public record WebhookTestRequested(WebhookId webhookId, CooperativeId cooperativeId, AccountId by, Instant requestedAt) {
}
