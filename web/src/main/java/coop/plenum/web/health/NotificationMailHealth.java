package coop.plenum.web.health;

import coop.plenum.governance.mail.OutgoingMail;
import coop.plenum.governance.notification.delivery.NotificationOutbox;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Replaces Spring Boot's mail indicator, which would turn {@code /actuator/health} DOWN (503) whenever the SMTP
 * server is unreachable: a node without mail still serves votes, and emails wait in the outbox and are retried. This
 * one says DEGRADED (answered 200, like a parked event) while mails wait on failed attempts or were given up in the
 * last day, names the counts, and is not part of readiness.
 */
@Component("notificationMail")
class NotificationMailHealth implements HealthIndicator {

    private final NotificationOutbox outbox;
    private final OutgoingMail mail;
    private final java.time.Clock clock;

    NotificationMailHealth(NotificationOutbox outbox, OutgoingMail mail, java.time.Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public Health health() {
        if (!mail.enabled()) {
            return Health.up().withDetail("email", "off").build();
        }
        long retrying = outbox.retrying();
        long failed = outbox.failedSince(clock.instant().minus(java.time.Duration.ofDays(1)));
        var counts = outbox.counts();
        Health.Builder health = retrying > 0 || failed > 0 ? Health.status(EventProcessingHealth.DEGRADED) : Health.up();
        return health.withDetail("retrying", retrying).withDetail("failedToday", failed)
                .withDetail("pending", counts.getOrDefault(NotificationOutbox.Status.PENDING, 0L)).build();
    }
}
