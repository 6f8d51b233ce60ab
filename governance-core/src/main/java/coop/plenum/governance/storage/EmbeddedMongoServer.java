package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An in-process MongoDB-wire server (mongo-java-server) whose H2 MVStore file persists the read models and
 * the tokens of the processors that build them. H2 commits about once a second, so a crash can lose the last
 * moment of read-model writes together with their tokens; the processors then re-read those events from the log.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final ReadModelBackend backend;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, ReadModelBackend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.address = address;
    }

    public static EmbeddedMongoServer start(Path directory) {
        return start(directory, 0);
    }

    /** As {@link #start(Path)}, listening on {@code port} (0: any free port). */
    public static EmbeddedMongoServer start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory.toAbsolutePath(), e);
        }
        ReadModelBackend backend = new ReadModelBackend(directory.resolve("readmodels.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB-wire server listening on {} with data in {}", address, directory.toAbsolutePath());
        return new EmbeddedMongoServer(server, backend, address);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /**
     * Why the store stopped, if it did while this server runs: H2 closes a store for good when writing it out fails
     * (its "panic"), and from then on every read and write fails until the node restarts and reopens it at its last
     * commit. Empty while the store is open.
     */
    public Optional<String> storeFailure() {
        MVStore store = backend.getMvStore();
        // H2 records the failure first and closes the store at its next operation
        MVStoreException panic = store.getPanicException();
        if (panic == null && !store.isClosed()) {
            return Optional.empty();
        }
        return Optional.of(panic == null ? "the store is closed" : "the store closed after an error: " + panic.getMessage());
    }

    /** The H2 store behind the server, for tests that need to break it. */
    MVStore store() {
        return backend.getMvStore();
    }

    @Override
    public void close() {
        // shutting the server down also commits and closes the H2 backend. Gracefully: by now Plenum's own clients have
        // closed their connections, but the server may not have seen every close yet, and shutdownNow() would warn
        // about "closing N clients" on every ordinary stop (the event loops still close any connection left)
        Optional<String> failure = storeFailure();
        if (failure.isPresent()) {
            // H2 closed the store itself, at its last commit; closing it again spins for ever in H2 2.3.232
            log.warn("The read-model store was not closed normally: {}; it reopens at its last commit", failure.get());
            server.stopListening();
            return;
        }
        server.shutdown();
    }
}
