package coop.plenum.governance.webhook;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: a secretary disabled the webhook: nothing is sent to it (queued deliveries wait) until it is enabled again. */
public record WebhookDisabled(WebhookId webhookId, CooperativeId cooperativeId, AccountId by, Instant disabledAt) {
}
