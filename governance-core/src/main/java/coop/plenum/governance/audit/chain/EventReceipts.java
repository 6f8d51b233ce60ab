package coop.plenum.governance.audit.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.plenum.governance.audit.StoredEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a receipt says about a stored event before (and after) its proof exists: its log position and event hash,
 * computed from the row exactly as the chainer will hash it, and how far the audit chain has got with it. Events are
 * named by aggregate and sequence number (unique in the log), never by "the latest", so a receipt is for the event
 * its command produced. One indexed query; nothing here waits for the chainer or a checkpoint.
 */
@Component
public class EventReceipts {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The chainer's period: an event is chained at most this long after it is visible (when there is no backlog). */
    private static final Duration CHAINER_PERIOD = Duration.ofMillis(200);

    /** What a receipt reads of an event row {@code d}, its chain link {@code l} and its cooperative's checkpoints. */
    private static final String SELECTED = "select d.globalindex, d.eventidentifier, d.type, d.aggregateidentifier, "
            + "d.sequencenumber, d.payloadtype, d.payloadrevision, d.timestamp, d.metadata, d.payload, "
            + "l.cooperative_id as chained_in, l.chain_index, l.event_hash as chained_hash, "
            + "(select max(c.length) from audit_checkpoint c where c.cooperative_id = l.cooperative_id) as signed_length, "
            + "(select a.cooperative_id from audit_aggregate a where a.aggregate_identifier = d.aggregateidentifier) as proposal_of ";
    private static final String CHAIN_LINK = "left join audit_chain_link l on l.position = d.globalindex ";

    private final JdbcTemplate jdbc;
    private final Duration checkpointInterval;
    private final boolean durableLog;

    EventReceipts(JdbcTemplate jdbc, @Value("${plenum.audit.checkpoint-interval:10s}") Duration checkpointInterval,
                  @Value("${plenum.event-store:jdbc}") String eventStore) {
        this.jdbc = jdbc;
        this.checkpointInterval = checkpointInterval;
        this.durableLog = !"in-memory".equals(eventStore);
    }

    /** False on the benchmarks' in-memory event engine: no stored rows, no chain, so no receipts. */
    public boolean durableLog() {
        return durableLog;
    }

    /** One event of the log, by its aggregate and its sequence number in that aggregate. */
    public record EventKey(String aggregateIdentifier, long sequenceNumber) {
    }

    /** How far the audit chain has got with an event. */
    public enum ProofStatus {
        /** committed, not linked into the chain yet (the chainer runs every 200 ms) */
        NOT_YET_CHAINED,
        /** chained, but no signed checkpoint covers it yet */
        NOT_YET_SIGNED,
        /** a signed checkpoint covers it: its inclusion proof can be fetched */
        SIGNED
    }

    /**
     * A stored event as a receipt names it. {@code eventHash} is the hash the chain stored once chained (what proofs
     * are about), before that the SHA-256 of the row's canonical bytes, which is what the chainer will store.
     */
    public record EventReceipt(String cooperativeId, long position, String eventType, String aggregateIdentifier,
                               long sequenceNumber, byte[] eventHash, String timestamp, Long chainIndex, ProofStatus status,
                               String actor) {
    }

    /**
     * One event's receipt (a ballot's answer). Its own statement with plain parameters rather than the arrays of
     * {@link #of(Collection)}: PostgreSQL planned the array form anew on every execution (it never settles on a generic
     * plan for an unnest join), about 0.4 ms of its CPU per ballot against 0.05 ms to run it (issue 16, counted with
     * pg_stat_statements and track_planning), while this one is an index lookup whose plan is kept.
     */
    public Optional<EventReceipt> of(EventKey event) {
        if (!durableLog) {
            return Optional.empty();
        }
        return jdbc.query(SELECTED + "from domainevententry d " + CHAIN_LINK
                        + "where d.aggregateidentifier = ? and d.sequencenumber = ?",
                (rs, i) -> receipt(rs), event.aggregateIdentifier(), event.sequenceNumber()).stream().findFirst();
    }

    /** The receipts of these events that are in the log, keyed as asked. */
    public Map<EventKey, EventReceipt> of(Collection<EventKey> events) {
        Map<EventKey, EventReceipt> found = new LinkedHashMap<>();
        if (events.isEmpty() || !durableLog) {
            return found;
        }
        String[] aggregates = events.stream().map(EventKey::aggregateIdentifier).toArray(String[]::new);
        Long[] sequences = events.stream().map(EventKey::sequenceNumber).toArray(Long[]::new);
        jdbc.query(con -> {
            var statement = con.prepareStatement(SELECTED
                    + "from unnest(?::varchar[], ?::bigint[]) as k(aggregate_identifier, sequence_number) "
                    + "join domainevententry d on d.aggregateidentifier = k.aggregate_identifier "
                    + "and d.sequencenumber = k.sequence_number " + CHAIN_LINK);
            statement.setArray(1, con.createArrayOf("varchar", aggregates));
            statement.setArray(2, con.createArrayOf("bigint", sequences));
            return statement;
        }, rs -> {
            EventReceipt receipt = receipt(rs);
            found.put(new EventKey(receipt.aggregateIdentifier(), receipt.sequenceNumber()), receipt);
        });
        return found;
    }

    /**
     * How long after its commit a receipt's proof can be fetched, at most, when the chainer keeps up: one chainer
     * round, then a checkpoint once {@code plenum.audit.checkpoint-interval} has passed since the previous one.
     */
    public Duration proofWithin() {
        return checkpointInterval.plus(CHAINER_PERIOD.multipliedBy(2));
    }

    private static EventReceipt receipt(ResultSet rs) throws SQLException {
        StoredEvent stored = AuditChainer.MAPPER.mapRow(rs, 0);
        String chainedIn = rs.getString("chained_in");
        long chainIndex = rs.getLong("chain_index");
        boolean chained = !rs.wasNull();
        long signedLength = rs.getLong("signed_length");
        boolean anyCheckpoint = !rs.wasNull();
        ProofStatus status = !chained ? ProofStatus.NOT_YET_CHAINED
                : anyCheckpoint && signedLength > chainIndex ? ProofStatus.SIGNED : ProofStatus.NOT_YET_SIGNED;
        String cooperative = chainedIn != null ? chainedIn : cooperativeOf(stored, rs.getString("proposal_of"));
        byte[] hash = chained ? rs.getBytes("chained_hash") : stored.hash();
        return new EventReceipt(cooperative, stored.position(), stored.payloadType(), stored.aggregateIdentifier(),
                stored.sequenceNumber(), hash, stored.timestamp(), chained ? chainIndex : null, status,
                metadata(stored, "actor"));
    }

    private static String metadata(StoredEvent event, String field) {
        try {
            return event.metaData() == null ? null : JSON.readTree(event.metaData()).path(field).asText(null);
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** Not chained yet: the cooperative the chainer will put it in (stamped in its metadata, or its proposal's). */
    private static String cooperativeOf(StoredEvent event, String proposalOf) {
        Optional<String> direct = CooperativeOfEvent.byAggregate(event.aggregateType(), event.aggregateIdentifier());
        if (direct.isPresent()) {
            return direct.get();
        }
        if (proposalOf != null) {
            return proposalOf;
        }
        String stamped = metadata(event, "cooperativeId");
        return stamped != null ? stamped : CooperativeOfEvent.PLATFORM;
    }
}
