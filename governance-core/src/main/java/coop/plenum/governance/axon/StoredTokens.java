package coop.plenum.governance.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The positions the processors' segments have stored, read from the token stores themselves (MongoDB
 * {@code processor_tokens} for read models and outboxes, PostgreSQL {@code tokenentry} for the rest) without claiming anything:
 * what another node sharing the stores has handled. Read at most once per {@code maxAgeNanos} per processor.
 */
@Component
class StoredTokens {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StoredTokens.class);

    private final MongoClient mongo;
    private final ReadModelDatabase database;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Map<String, Read> lastRead = new ConcurrentHashMap<>();

    StoredTokens(MongoClient mongo, ReadModelDatabase database, DataSource dataSource, Serializer serializer) {
        this.mongo = mongo;
        this.database = database;
        this.jdbc = new JdbcTemplate(dataSource);
        this.serializer = serializer;
    }

    private record Read(long atNanos, Map<Integer, Reach> positions) {
    }

    /**
     * Each stored segment of the processor and how far its token has reached; empty
     * when the processor has no tokens yet, or when they could not be read (then nobody is taken to have caught up).
     * With {@code maxAgeNanos} {@link Long#MAX_VALUE}, answers from what was read before and never reads.
     */
    Map<Integer, Reach> positions(String processorName, long maxAgeNanos) {
        long now = System.nanoTime();
        Read cached = lastRead.get(processorName);
        if (cached != null && now - cached.atNanos() < maxAgeNanos) {
            return cached.positions();
        }
        if (maxAgeNanos == Long.MAX_VALUE) {
            // "only what is known": asked on a thread that just stored a token, which must not wait for a store
            return Map.of();
        }
        Map<Integer, Reach> read;
        try {
            read = processorName.startsWith(ProcessingConfiguration.READ_MODEL_PREFIX)
                    || ProcessingConfiguration.OUTBOXES.contains(processorName)
                    ? fromMongo(processorName) : fromPostgres(processorName);
        } catch (RuntimeException unreadable) {
            if (interrupted(unreadable)) {
                // the node is stopping and its threads are interrupted: nothing is wrong, and nothing worth caching
                log.debug("Reading the stored tokens of {} was interrupted: {}", processorName, unreadable.toString());
                return Map.of();
            }
            log.warn("Could not read the stored tokens of {}: {}", processorName, unreadable.toString());
            read = Map.of();
        }
        lastRead.put(processorName, new Read(now, read));
        return read;
    }

    private Map<Integer, Reach> fromMongo(String processorName) {
        Map<Integer, Reach> positions = new HashMap<>();
        for (Document entry : mongo.getDatabase(database.name()).getCollection(ProcessingConfiguration.TOKENS)
                .find(Filters.eq("processorName", processorName))) {
            Object token = entry.get("token");
            byte[] bytes = token instanceof Binary binary ? binary.getData() : token instanceof byte[] raw ? raw : null;
            positions.put(entry.getInteger("segment"), position(bytes, entry.getString("tokenType")));
        }
        return positions;
    }

    private Map<Integer, Reach> fromPostgres(String processorName) {
        Map<Integer, Reach> positions = new HashMap<>();
        jdbc.query("SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?",
                row -> {
                    positions.put(row.getInt(1), position(row.getBytes(2), row.getString(3)));
                }, processorName);
        return positions;
    }

    private Reach position(byte[] token, String type) {
        if (token == null || type == null) {
            return Reach.NOTHING;
        }
        return Reach.of(serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null))));
    }

    private static boolean interrupted(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof com.mongodb.MongoInterruptedException
                    || cause instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }
}
