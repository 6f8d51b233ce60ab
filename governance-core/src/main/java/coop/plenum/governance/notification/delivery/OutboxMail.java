package coop.plenum.governance.notification.delivery;

/** A notification email as queued: its idempotency key, the recipient account and address, and its content. */
public record OutboxMail(String key, String accountId, String kind, String to, String subject, String text, String html,
                         String unsubscribeUrl) {
}
