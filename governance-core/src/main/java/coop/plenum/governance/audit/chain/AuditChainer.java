package coop.plenum.governance.audit.chain;

import coop.plenum.governance.audit.HashChain;
import coop.plenum.governance.audit.StoredEvent;
import coop.plenum.kernel.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links every committed event into its cooperative's hash chain within a fraction of a second. Reads the log's rows
 * exactly as stored (not through a serializer), so the chain commits to the bytes an auditor exports.
 * <p>
 * Events are chained in the order they become visible. A position skipped because its transaction had not committed
 * yet is watched for {@value #GAP_WATCH_MINUTES} minutes and chained when it appears (a rolled-back transaction
 * leaves it empty for good); the chain order, not the position order, is what the links commit to. One node
 * chains at a time (a PostgreSQL advisory lock), so several nodes can share the log.
 */
@Component
public class AuditChainer implements SmartLifecycle {

    static final long GAP_WATCH_MINUTES = 10;
    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);
    private static final long LOCK = 0x706c656e756dL; // "plenum"
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<Long, Instant> openGaps = new LinkedHashMap<>();
    private final Map<String, String> cooperativeOfProposal = new HashMap<>();
    private final Checkpoints checkpoints;
    private final EventReceipts receipts;
    private volatile PeriodicTask task;
    private volatile boolean running;

    AuditChainer(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, Checkpoints checkpoints,
                 EventReceipts receipts) {
        this.jdbc = jdbc;
        this.receipts = receipts;
        this.checkpoints = checkpoints;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Chains what is visible now; returns how many events it linked. Called every 200 ms, and by tests. */
    public synchronized int chainNow() {
        try {
            Integer linked = transactions.execute(status -> {
                Boolean mine = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
                if (!Boolean.TRUE.equals(mine)) {
                    return 0;
                }
                int chained = chainBatch();
                checkpoints.signDue();
                return chained;
            });
            return linked == null ? 0 : linked;
        } catch (RuntimeException e) {
            // what memory holds may be ahead of what was committed: rebuild it from the tables next time
            checkpoints.forget();
            cooperativeOfProposal.clear();
            throw e;
        }
    }

    private int chainBatch() {
        long cursor = cursor();
        List<StoredEvent> rows = new ArrayList<>(jdbc.query("select " + COLUMNS + " from domainevententry where globalindex > ? "
                + "order by globalindex limit " + BATCH, MAPPER, cursor));
        rows.addAll(0, gapsFilledSince());
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, HashChain> chains = new HashMap<>();
        Map<String, Long> lastPositions = new HashMap<>();
        List<Object[]> links = new ArrayList<>(rows.size());
        long highest = cursor;
        for (StoredEvent row : rows) {
            if (row.position() > highest) {
                for (long missing = highest + 1; missing < row.position(); missing++) {
                    openGaps.put(missing, clock.instant());
                }
                highest = row.position();
            }
            lastPositions.merge(link(row, chains, links), row.position(), Math::max);
        }
        // one batch per round: a backlog is chained at the speed of the hashing, not of a round trip per event
        jdbc.batchUpdate("insert into audit_chain_link (position, cooperative_id, chain_index, aggregate_identifier, "
                + "sequence_number, event_hash, link) values (?, ?, ?, ?, ?, ?, ?)", links);
        chains.forEach((cooperative, chain) -> jdbc.update("insert into audit_chain_head (cooperative_id, length, head, last_position) "
                        + "values (?, ?, ?, ?) on conflict (cooperative_id) do update set length = excluded.length, "
                        + "head = excluded.head, last_position = greatest(audit_chain_head.last_position, excluded.last_position)",
                cooperative, chain.length(), chain.head(), lastPositions.get(cooperative)));
        jdbc.update("insert into audit_chain_cursor (id, position) values (1, ?) "
                + "on conflict (id) do update set position = greatest(audit_chain_cursor.position, excluded.position)", highest);
        return rows.size();
    }

    /** Links one event into its cooperative's chain and returns the cooperative. */
    private String link(StoredEvent row, Map<String, HashChain> chains, List<Object[]> links) {
        String cooperative = cooperativeOf(row);
        HashChain chain = chains.computeIfAbsent(cooperative, this::chainOf);
        byte[] hash = row.hash();
        long index = chain.length();
        byte[] link = chain.append(hash);
        // before the insert: a frontier loaded from the table now must not see this link twice
        checkpoints.linked(cooperative, hash, link, row.position(),
                row.payloadType() != null && row.payloadType().endsWith(".VotingClosed"));
        links.add(new Object[] {row.position(), cooperative, index, row.aggregateIdentifier(), row.sequenceNumber(), hash, link});
        return cooperative;
    }

    private String cooperativeOf(StoredEvent row) {
        Optional<String> direct = CooperativeOfEvent.byAggregate(row.aggregateType(), row.aggregateIdentifier());
        if (direct.isPresent()) {
            return direct.get();
        }
        Optional<String> submitted = CooperativeOfEvent.submittedIn(row.payloadType(), row.payload());
        if (submitted.isPresent()) {
            jdbc.update("insert into audit_aggregate (aggregate_identifier, cooperative_id) values (?, ?) "
                    + "on conflict do nothing", row.aggregateIdentifier(), submitted.get());
            cooperativeOfProposal.put(row.aggregateIdentifier(), submitted.get());
            return submitted.get();
        }
        return cooperativeOfProposal.computeIfAbsent(row.aggregateIdentifier(), proposal -> jdbc.query(
                        "select cooperative_id from audit_aggregate where aggregate_identifier = ?",
                        (rs, n) -> rs.getString(1), proposal).stream().findFirst()
                .orElse(CooperativeOfEvent.PLATFORM));
    }

    private HashChain chainOf(String cooperative) {
        return jdbc.query("select head, length from audit_chain_head where cooperative_id = ?",
                        (rs, n) -> new HashChain(rs.getBytes(1), rs.getLong(2)), cooperative)
                .stream().findFirst().orElseGet(HashChain::new);
    }

    /** Rows that appeared in positions skipped earlier; gaps watched longer than the limit are given up on. */
    private List<StoredEvent> gapsFilledSince() {
        Instant giveUp = clock.instant().minus(Duration.ofMinutes(GAP_WATCH_MINUTES));
        openGaps.values().removeIf(seen -> seen.isBefore(giveUp));
        if (openGaps.isEmpty()) {
            return List.of();
        }
        Long[] positions = openGaps.keySet().stream().limit(BATCH).toArray(Long[]::new);
        List<StoredEvent> filled = jdbc.query(con -> {
            var statement = con.prepareStatement("select " + COLUMNS + " from domainevententry d where globalindex = any(?) "
                    + "and not exists (select 1 from audit_chain_link l where l.position = d.globalindex) order by globalindex");
            statement.setArray(1, con.createArrayOf("bigint", positions));
            return statement;
        }, MAPPER);
        filled.forEach(row -> openGaps.remove(row.position()));
        return filled;
    }

    private long cursor() {
        return jdbc.query("select position from audit_chain_cursor where id = 1", (rs, n) -> rs.getLong(1))
                .stream().findFirst().orElse(0L);
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!receipts.durableLog()) {
            // the benchmarks' in-memory engine stores no rows: there is nothing to chain, and polling the empty
            // table would only log a warning five times a second
            log.info("The event log is in memory (plenum.event-store=in-memory): no audit chain, no checkpoints");
            return;
        }
        task = PeriodicTask.every(Duration.ofMillis(200), "audit-chainer", () -> {
            try {
                while (chainNow() >= BATCH) {
                    // a backlog (first start on an old log): keep going until it is chained
                }
            } catch (RuntimeException e) {
                log.warn("Could not chain new events yet: {}", e.toString());
            }
        });
    }

    @Override
    public synchronized void stop() {
        running = false;
        PeriodicTask chaining = task;
        task = null;
        if (chaining != null) {
            chaining.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stops before the data source closes
        return Integer.MAX_VALUE - 1000;
    }

    /** Positions skipped and still watched, for verification to report as pending. */
    synchronized List<Long> watchedGaps() {
        return List.copyOf(openGaps.keySet());
    }

    /** Every column of the log's event table, as {@link StoredEvent} reads them. */
    static final String COLUMNS = "globalindex, eventidentifier, type, aggregateidentifier, sequencenumber, payloadtype, "
            + "payloadrevision, timestamp, metadata, payload";

    static final org.springframework.jdbc.core.RowMapper<StoredEvent> MAPPER = (rs, n) -> new StoredEvent(rs.getLong("globalindex"),
            rs.getString("eventidentifier"), rs.getString("type"), rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"),
            rs.getString("payloadtype"), rs.getString("payloadrevision"), rs.getString("timestamp"), rs.getBytes("metadata"),
            rs.getBytes("payload"));

}
