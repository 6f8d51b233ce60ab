package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process MongoDB-wire server (mongo-java-server) whose H2 MVStore file persists the read models and
 * the tokens of the processors that build them. H2 commits about once a second, so a crash can lose the last
 * moment of read-model writes together with their tokens; the processors then re-read those events from the log.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
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
        return new EmbeddedMongoServer(server, address);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        // shutting the server down also commits and closes the H2 backend
        server.shutdownNow();
    }
}
