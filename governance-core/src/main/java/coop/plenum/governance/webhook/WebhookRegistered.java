package coop.plenum.governance.webhook;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;
import java.util.List;

/**
 * A fact: a secretary registered a URL to receive the cooperative's deliveries of these kinds (wire names such as
 * {@code voting.opened}); it is enabled. No secret is recorded: the signing secret is derived from the instance's
 * webhook key and {@code webhookId}.
 */
public record WebhookRegistered(WebhookId webhookId, CooperativeId cooperativeId, String url, List<String> kinds,
                                AccountId registeredBy, Instant registeredAt) {
}
