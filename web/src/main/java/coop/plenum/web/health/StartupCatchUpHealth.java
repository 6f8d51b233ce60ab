package coop.plenum.web.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness (and so of {@code /actuator/health}): OUT_OF_SERVICE, answered with 503, while the read models
 * catch up with the log as it stood at start. Kept apart from the other indicators so a dead-letter indicator can
 * report a parked processor without this one waiting for it.
 */
@Component("readModelsCaughtUp")
class StartupCatchUpHealth implements HealthIndicator {

    private final StartupCatchUp startup;

    StartupCatchUpHealth(StartupCatchUp startup) {
        this.startup = startup;
    }

    @Override
    public Health health() {
        Health.Builder health = startup.isCaughtUp() ? Health.up() : Health.outOfService();
        return health.withDetail("logPositionAtStart", startup.startHead()).build();
    }
}
