package coop.plenum.governance.audit.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.plenum.governance.audit.Checkpoint;
import coop.plenum.governance.audit.StoredEvent;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A cooperative's chained history as NDJSON (format {@value #FORMAT}, docs/audit.md): a header with the signing
 * key, one line per event with its stored bytes, each signed checkpoint right after the event it ends on, and a
 * trailer. Read through a database cursor one line at a time, so a million events take the memory of one.
 */
@Component
public class AuditExport {

    public static final String FORMAT = "plenum-audit-export-v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final AuditChainer chainer;
    private final Checkpoints checkpoints;
    private final AuditKey key;
    private final Clock clock;

    AuditExport(DataSource dataSource, AuditChainer chainer, Checkpoints checkpoints, AuditKey key, Clock clock) {
        this.dataSource = dataSource;
        this.chainer = chainer;
        this.checkpoints = checkpoints;
        this.key = key;
        this.clock = clock;
    }

    /** Opens the export; the caller reads its lines and closes it. */
    public Lines open(String cooperativeId) {
        chainer.chainNow();
        return new Lines(cooperativeId, checkpoints.all(cooperativeId));
    }

    /** The export's lines, each a JSON object without its newline. */
    public final class Lines implements Iterator<String>, AutoCloseable {

        private final String cooperativeId;
        private final Deque<Checkpoint> signed;
        private final Deque<String> ready = new ArrayDeque<>();
        private Connection connection;
        private PreparedStatement statement;
        private ResultSet rows;
        private long events;
        private String lastLink = HEX.formatHex(coop.plenum.governance.audit.HashChain.GENESIS);
        private boolean finished;

        private Lines(String cooperativeId, List<Checkpoint> signed) {
            this.cooperativeId = cooperativeId;
            this.signed = new ArrayDeque<>(signed);
            ObjectNode header = JSON.createObjectNode()
                    .put("kind", "header").put("format", FORMAT).put("cooperativeId", cooperativeId)
                    .put("exportedAt", clock.instant().toString()).put("signatureAlgorithm", "Ed25519")
                    .put("publicKey", Base64.getEncoder().encodeToString(key.publicKey())).put("keyId", key.keyId());
            ready.add(header.toString());
            try {
                connection = dataSource.getConnection();
                // PostgreSQL streams with a fetch size only outside auto-commit
                connection.setAutoCommit(false);
                statement = connection.prepareStatement("select l.chain_index, l.event_hash, l.link, d.globalindex, d.eventidentifier, "
                                + "d.type, d.aggregateidentifier, d.sequencenumber, d.payloadtype, d.payloadrevision, d.timestamp, "
                                + "d.metadata, d.payload from audit_chain_link l join domainevententry d on d.globalindex = l.position "
                                + "where l.cooperative_id = ? order by l.chain_index",
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                statement.setFetchSize(1000);
                LogCursors.binaryTransfer(statement);
                statement.setString(1, cooperativeId);
                rows = statement.executeQuery();
            } catch (SQLException e) {
                close();
                throw new IllegalStateException("could not read the log for the export", e);
            }
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && !finished) {
                advance();
            }
            return !ready.isEmpty();
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void advance() {
            try {
                if (rows.next()) {
                    StoredEvent event = AuditChainer.MAPPER.mapRow(rows, 0);
                    lastLink = HEX.formatHex(rows.getBytes("link"));
                    ready.add(eventLine(rows.getLong("chain_index"), event, rows.getBytes("event_hash"), lastLink));
                    events++;
                    while (!signed.isEmpty() && signed.peek().length() == events) {
                        ready.add(checkpointLine(signed.poll()));
                    }
                } else {
                    finished = true;
                    ready.add(JSON.createObjectNode().put("kind", "trailer").put("cooperativeId", cooperativeId)
                            .put("events", events).put("chainHead", lastLink).toString());
                    close();
                }
            } catch (SQLException e) {
                close();
                throw new IllegalStateException("could not read the log for the export", e);
            }
        }

        @Override
        public void close() {
            try {
                if (rows != null) {
                    rows.close();
                }
                if (statement != null) {
                    statement.close();
                }
                if (connection != null) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                    connection.close();
                }
            } catch (SQLException e) {
                // nothing was written; the connection is discarded by the pool
            } finally {
                rows = null;
                statement = null;
                connection = null;
            }
        }
    }

    public static String eventLine(long index, StoredEvent event, byte[] hash, String link) {
        ObjectNode line = JSON.createObjectNode().put("kind", "event").put("index", index).put("position", event.position())
                .put("eventIdentifier", event.eventIdentifier()).put("aggregateType", event.aggregateType())
                .put("aggregateIdentifier", event.aggregateIdentifier()).put("sequenceNumber", event.sequenceNumber())
                .put("type", event.payloadType()).put("payloadRevision", event.payloadRevision())
                .put("timestamp", event.timestamp());
        bytes(line, "metadata", event.metaData());
        bytes(line, "payload", event.payload());
        return line.put("hash", HEX.formatHex(hash)).put("link", link).toString();
    }

    public static String checkpointLine(Checkpoint checkpoint) {
        return JSON.createObjectNode().put("kind", "checkpoint").put("cooperativeId", checkpoint.cooperativeId())
                .put("length", checkpoint.length()).put("position", checkpoint.position())
                .put("chainHead", HEX.formatHex(checkpoint.chainHead())).put("merkleRoot", HEX.formatHex(checkpoint.merkleRoot()))
                .put("createdAt", checkpoint.createdAt().toString()).put("keyId", checkpoint.keyId())
                .put("signature", Base64.getEncoder().encodeToString(checkpoint.signature())).toString();
    }

    /** Stored JSON travels as the exact text it is; bytes that are not UTF-8 (only a tampered row has them) as base64. */
    private static void bytes(ObjectNode line, String field, byte[] stored) {
        if (stored == null) {
            line.putNull(field);
            return;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(stored)).toString();
            line.put(field, text);
        } catch (CharacterCodingException e) {
            line.put(field + "Base64", Base64.getEncoder().encodeToString(stored));
        }
    }
}
