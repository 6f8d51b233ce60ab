package coop.plenum.web.health;

import com.mongodb.reactivestreams.client.MongoClient;
import coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Health of the read-model store with a plain {@code ping}, which both MongoDB and the embedded MongoDB-wire
 * server answer (Boot's own indicator sends {@code hello}, unknown to the embedded server).
 */
@Component("readModels")
class ReadModelStoreHealth extends AbstractReactiveHealthIndicator {

    private final MongoClient client;
    private final ReadModelDatabase database;

    ReadModelStoreHealth(MongoClient client, ReadModelDatabase database) {
        super("read-model store health check failed");
        this.client = client;
        this.database = database;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.from(client.getDatabase(database.name()).runCommand(new Document("ping", 1)))
                .timeout(Duration.ofSeconds(5))
                .map(reply -> builder.up().withDetail("database", database.name()).build());
    }
}
