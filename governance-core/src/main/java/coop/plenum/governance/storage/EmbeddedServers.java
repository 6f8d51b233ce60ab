package coop.plenum.governance.storage;

import java.nio.file.Path;
import java.util.Optional;

/** The embedded servers this node started (either may be absent when an external URL is configured). */
public final class EmbeddedServers implements AutoCloseable {

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedMongoServer mongo;

    private EmbeddedServers(EmbeddedPostgresServer postgres, EmbeddedMongoServer mongo) {
        this.postgres = postgres;
        this.mongo = mongo;
    }

    static EmbeddedServers startAsNeeded(PlenumProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        EmbeddedPostgresServer postgres = properties.postgres().external() ? null
                : EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
        EmbeddedMongoServer mongo = properties.mongodb().external() ? null
                : EmbeddedMongoServer.start(dataDir.resolve("readmodels"));
        return new EmbeddedServers(postgres, mongo);
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    EmbeddedMongoServer mongo() {
        return mongo;
    }

    /** Why the embedded read-model store stopped, if this node runs one and it did ({@link EmbeddedMongoServer#storeFailure}). */
    public Optional<String> readModelStoreFailure() {
        return mongo == null ? Optional.empty() : mongo.storeFailure();
    }

    @Override
    public void close() {
        // read models first: their writer must stop before the log they are derived from
        if (mongo != null) {
            mongo.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
