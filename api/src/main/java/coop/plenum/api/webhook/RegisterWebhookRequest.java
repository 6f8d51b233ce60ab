package coop.plenum.api.webhook;

import java.util.List;

/** {@code url}: https (http only to loopback where allowed); {@code events}: the kinds, e.g. {@code ["voting.opened"]}. */
record RegisterWebhookRequest(String url, List<String> events) {
}
