package coop.plenum.governance.storage;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.nio.file.Path;

/**
 * A projection test's read-model store: the embedded MongoDB-wire server Plenum runs (never a mock), in a fresh
 * directory per test, with a reactive template on its database {@code test}. Subclasses set up their projection in
 * their own {@code @BeforeEach}, which JUnit runs after this one.
 */
public abstract class EmbeddedReadModelStore {

    @TempDir
    protected Path dir;

    private EmbeddedMongoServer server;
    private MongoClient client;
    protected ReactiveMongoTemplate mongo;

    @BeforeEach
    final void startTheStore() {
        server = EmbeddedMongoServer.start(dir);
        client = MongoClients.create(server.connectionString());
        mongo = new ReactiveMongoTemplate(client, "test");
    }

    @AfterEach
    final void stopTheStore() {
        client.close();
        server.close();
    }
}
