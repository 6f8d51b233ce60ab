package coop.plenum.governance.webhook;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: a secretary deleted the webhook: nothing more is queued or sent to it. */
public record WebhookDeleted(WebhookId webhookId, CooperativeId cooperativeId, AccountId by, Instant deletedAt) {
}
