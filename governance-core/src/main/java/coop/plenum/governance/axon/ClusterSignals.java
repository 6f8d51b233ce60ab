package coop.plenum.governance.axon;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Tells the other nodes sharing the event log, through PostgreSQL LISTEN/NOTIFY on channel {@code plenum}, that this
 * node appended events (their shared log reader fetches at once instead of at its 1 s fetch delay) and which
 * positions its processors' segments stored or handled (scanned every {@value #HANDLED_SCAN_MILLIS} ms), so their
 * read-your-writes waits and live pages react at once instead of re-reading the token stores. Every node listens on
 * a connection of its own, outside the pool, named {@code plenum-node}; a node sends nothing while it sees no other
 * such connection. Signals only hurry things along: a lost one (a connection that dropped, reconnected after 1 s)
 * leaves the fallbacks, the log reader's fetch delay and the stored tokens re-read while a wait lasts.
 */
public class ClusterSignals implements AutoCloseable,
        ApplicationListener<ContextRefreshedEvent> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClusterSignals.class);
    static final String CHANNEL = "plenum";
    static final String APPLICATION_NAME = "plenum-node";
    // PostgreSQL refuses a payload of 8,000 bytes or more
    private static final int MAX_PAYLOAD = 7000;
    private static final long HANDLED_SCAN_MILLIS = 50;
    private static final long PEER_CHECK_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final HikariDataSource dataSource;
    private final WakeableEventStore eventStore;
    private final ProcessorProgress progress;
    private final Supplier<ReadModelProcessors> processors;
    private final Map<String, Reach> lastSentHandled = new HashMap<>();
    private final String nodeId;
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>();
    private final Sinks.Many<String> progressedElsewhere = Sinks.many().multicast().directBestEffort();
    private volatile boolean peers;
    private volatile int otherNodes;
    private volatile boolean closed;
    private volatile boolean enabled;
    private volatile Connection listening;
    private final List<Thread> threads = new ArrayList<>();

    ClusterSignals(DataSource dataSource, EventStore eventStore, ProcessorProgress progress,
                   Supplier<ReadModelProcessors> processors,
                   String nodeId) {
        this.processors = processors;
        this.dataSource = (HikariDataSource) dataSource;
        this.eventStore = (WakeableEventStore) eventStore;
        this.progress = progress;
        this.nodeId = nodeId;
    }

    /** Whether the data source and event store are the kind signals work with (PostgreSQL through Hikari, the embedded store). */
    static boolean applicable(DataSource dataSource, EventStore eventStore) {
        return dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:") && eventStore instanceof WakeableEventStore;
    }

    void start() {
        eventStore.subscribe(events -> {
            if (!peers || events.isEmpty()) {
                return;
            }
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(u -> outbox.offer("L"));
            } else {
                outbox.offer("L");
            }
        });
        progress.observe((processor, segment, reach) -> {
            if (peers) {
                outbox.offer("T " + processor + " " + segment + " " + reach.text());
            }
        });
        enabled = true;
    }

    /** Listens and sends once the context is complete: the sender reads the processors' status, Axon's to build. */
    @Override
    public synchronized void onApplicationEvent(ContextRefreshedEvent refreshed) {
        if (enabled && threads.isEmpty() && !closed) {
            threads.add(daemon("plenum-cluster-listener", this::listen));
            threads.add(daemon("plenum-cluster-sender", this::send));
        }
    }

    /** How many other nodes listen on the same PostgreSQL database (0 when signals are off or the connection is lost). */
    int otherNodes() {
        return otherNodes;
    }

    /** Names of the processors that another node just stored a token for (best effort: a slow subscriber misses some). */
    public Flux<String> progressedElsewhere() {
        return progressedElsewhere.asFlux();
    }

    private Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (dataSource.getUsername() != null) {
            properties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }

    private void listen() {
        while (!closed) {
            try (Connection connection = connect()) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                // whatever was signalled while not listening: look now
                eventStore.wake();
                progress.recheck();
                long nextPeerCheck = System.nanoTime();
                while (!closed) {
                    if (System.nanoTime() - nextPeerCheck >= 0) {
                        otherNodes = otherNodes(connection);
                        peers = otherNodes > 0;
                        nextPeerCheck = System.nanoTime() + PEER_CHECK_NANOS;
                    }
                    PGNotification[] received = pg.getNotifications(250);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            received(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                if (closed) {
                    return;
                }
                log.warn("Lost the connection that listens for other nodes' signals ({}); reconnecting in 1 s", lost.toString());
                peers = false;
                otherNodes = 0;
                pause(1000);
            } finally {
                listening = null;
            }
        }
    }

    private static int otherNodes(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND datname = current_database() "
                        + "AND pid <> pg_backend_pid()")) {
            query.setString(1, APPLICATION_NAME);
            try (ResultSet count = query.executeQuery()) {
                return count.next() ? count.getInt(1) : 0;
            }
        }
    }

    private void received(String payload) {
        String[] lines = payload.split("\n");
        if (lines.length == 0 || lines[0].equals("N " + nodeId)) {
            return;
        }
        for (String line : lines) {
            if (line.equals("L")) {
                eventStore.wake();
            } else if (line.startsWith("T ")) {
                String[] parts = line.split(" ");
                if (parts.length == 4) {
                    try {
                        progress.storedElsewhere(parts[1], Integer.parseInt(parts[2]), Reach.parse(parts[3]));
                        progressedElsewhere.tryEmitNext(parts[1]);
                    } catch (NumberFormatException garbled) {
                        log.debug("Ignored a garbled signal {}", line);
                    }
                }
            }
        }
    }

    private void send() {
        List<String> drained = new ArrayList<>();
        while (!closed) {
            try {
                String first = outbox.poll(HANDLED_SCAN_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    drained.add(first);
                }
            } catch (InterruptedException stopping) {
                return;
            }
            outbox.drainTo(drained);
            if (peers) {
                handledSinceLastScan(drained);
            }
            if (drained.isEmpty()) {
                continue;
            }
            // under load many commits and token stores coalesce into one notification: the latest position per segment
            Map<String, String> latest = new LinkedHashMap<>();
            for (String line : drained) {
                latest.put(line.startsWith("T ") ? line.substring(0, line.lastIndexOf(' ')) : line, line);
            }
            drained.clear();
            try {
                notifyOthers(new ArrayList<>(latest.values()));
            } catch (SQLException | RuntimeException failed) {
                log.debug("Could not signal the other nodes: {}", failed.toString());
            }
        }
    }

    /**
     * A segment that meets no event of its own (another aggregate's) has handled the log further than its token says:
     * Axon stores such a token only when it extends its claim (every 5 s). What this node's segments have handled is
     * what read-your-writes needs on the other nodes, so it is sent as soon as it moves.
     */
    private void handledSinceLastScan(List<String> lines) {
        for (StreamingEventProcessor processor : processors.get().followers()) {
            processor.processingStatus().forEach((segment, status) -> {
                Reach handled = Reach.of(status.getTrackingToken());
                String key = processor.getName() + " " + segment;
                if (handled.index() >= 0 && !handled.equals(lastSentHandled.get(key))) {
                    lastSentHandled.put(key, handled);
                    lines.add("T " + key + " " + handled.text());
                }
            });
        }
    }

    private void notifyOthers(List<String> lines) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            StringBuilder payload = new StringBuilder("N ").append(nodeId);
            for (String line : lines) {
                if (payload.length() + line.length() + 1 > MAX_PAYLOAD) {
                    notify.setString(1, payload.toString());
                    notify.execute();
                    payload = new StringBuilder("N ").append(nodeId);
                }
                payload.append('\n').append(line);
            }
            notify.setString(1, payload.toString());
            notify.execute();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
        Connection open = listening;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
