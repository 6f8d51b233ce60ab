package coop.plenum.web.health;

import coop.plenum.governance.storage.EmbeddedServers;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of liveness: DOWN once the embedded read-model store has closed after a failed write. H2 does not reopen a
 * store it closed that way, so the node would answer every read with an error until restarted, while {@code ping}
 * ("readModels") still answers, as the wire server does without the store. A restart reopens the store at its last
 * commit and the read models catch up from the log. UP when this node runs no embedded store.
 */
@Component("embeddedReadModelStore")
class EmbeddedReadModelStoreHealth implements HealthIndicator {

    private final EmbeddedServers embedded;

    EmbeddedReadModelStoreHealth(EmbeddedServers embedded) {
        this.embedded = embedded;
    }

    @Override
    public Health health() {
        return embedded.readModelStoreFailure()
                .map(failure -> Health.down().withDetail("failure", failure).build())
                .orElseGet(() -> Health.up().build());
    }
}
