package coop.plenum.governance.audit.chain;

import coop.plenum.governance.audit.Checkpoint;
import coop.plenum.governance.audit.HashChain;
import coop.plenum.governance.audit.MerkleFrontier;
import coop.plenum.governance.audit.MerkleTree;
import coop.plenum.governance.audit.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a cooperative's history in the log against its audit chain, event by event in chain order: every linked
 * event must still be stored, at its position, with the bytes it had when it was chained, and the links must follow
 * from each other; no event of the cooperative may sit in the log unlinked below the chained part. Names the first
 * event that breaks this, and what happened to it. Events not chained yet are counted as pending, never as checked.
 */
@Component
public class AuditVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final AuditChainer chainer;
    private final Checkpoints checkpoints;
    private final AuditKey key;
    private final TransactionTemplate snapshot;
    private final VerifiedSignatures verifiedSignatures;

    AuditVerifier(JdbcTemplate jdbc, AuditChainer chainer, Checkpoints checkpoints, AuditKey key,
                  PlatformTransactionManager transactions, VerifiedSignatures verifiedSignatures) {
        this.jdbc = jdbc;
        this.verifiedSignatures = verifiedSignatures;
        // one read-only snapshot: the chain and the log as of one moment, and a cursor that streams a million rows
        // (PostgreSQL's driver honours the fetch size only inside a transaction; outside it reads every row first)
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.chainer = chainer;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    /** What is wrong with one event. */
    public enum Problem {
        /** the stored event's bytes differ from those that were chained */
        ALTERED,
        /** a chained event is no longer in the log */
        MISSING,
        /** another event now sits at a chained event's position */
        REORDERED,
        /** an event of this cooperative is in the log but was never chained, below events that were */
        INSERTED,
        /** the chain's own links do not follow from each other: the chain table was edited */
        CHAIN_ALTERED,
        /**
         * the links follow from the stored events, but not to the head a checkpoint signed: an event at or after
         * this one was changed and the chain recomputed to match
         */
        REWRITTEN,
        /** a checkpoint's signature does not match it: the checkpoint itself was edited */
        CHECKPOINT_FORGED
    }

    /** The latest signed checkpoint of a chain, as an auditor needs it to check it alone. */
    public record CheckpointView(long length, long position, String chainHead, String merkleRoot, String createdAt,
                                 String keyId, String signature) {
        static CheckpointView of(Checkpoint checkpoint) {
            return new CheckpointView(checkpoint.length(), checkpoint.position(), HEX.formatHex(checkpoint.chainHead()),
                    HEX.formatHex(checkpoint.merkleRoot()), checkpoint.createdAt().toString(), checkpoint.keyId(),
                    java.util.Base64.getEncoder().encodeToString(checkpoint.signature()));
        }
    }

    public record BadEvent(long position, String aggregateIdentifier, long sequenceNumber, String type, Problem problem,
                           String detail) {
    }

    public record Verification(String cooperativeId, boolean ok, long eventsChecked, long eventsPending, String chainHead,
                               CheckpointView lastCheckpoint, BadEvent firstBadEvent) {
    }

    public Verification verify(String cooperativeId) {
        chainer.chainNow();
        return snapshot.execute(status -> verifyInSnapshot(cooperativeId));
    }

    private Verification verifyInSnapshot(String cooperativeId) {
        List<Checkpoint> signed = checkpoints.all(cooperativeId);
        Walk walk = new Walk(signed, key.publicKey(), verifiedSignatures);
        // the rows are read on this thread and hashed on another, so PostgreSQL fetches the next rows while the last
        // ones are hashed (one thread did both in turn: the database waited for the hashing and the other way round)
        try (RowPipeline rows = new RowPipeline(walk::accept, () -> walk.bad != null, "audit-verify")) {
            jdbc.query(con -> {
                var statement = con.prepareStatement("select l.position, l.chain_index, l.aggregate_identifier as linked_aggregate, "
                        + "l.sequence_number as linked_sequence, l.event_hash, l.link, d.globalindex, d.eventidentifier, d.type, "
                        + "d.aggregateidentifier, d.sequencenumber, d.payloadtype, d.payloadrevision, d.timestamp, d.metadata, d.payload "
                        + "from audit_chain_link l left join domainevententry d on d.globalindex = l.position "
                        + "where l.cooperative_id = ? order by l.chain_index",
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                statement.setFetchSize(1000);
                LogCursors.binaryTransfer(statement);
                statement.setString(1, cooperativeId);
                return statement;
            }, (ResultSet rs) -> {
                // once a bad event is found the rest of the chain is not read (the query is ended early)
                while (rs.next() && rows.offer(LinkRow.read(rs))) {
                }
                return null;
            });
            rows.finish();
        } finally {
            walk.finish();
        }
        BadEvent bad = walk.bad != null ? walk.bad : firstInserted(cooperativeId).orElse(null);
        long cursor = jdbc.query("select position from audit_chain_cursor where id = 1", (rs, n) -> rs.getLong(1))
                .stream().findFirst().orElse(0L);
        Long pending = jdbc.queryForObject("select count(*) from domainevententry where globalindex > ?", Long.class, cursor);
        return new Verification(cooperativeId, bad == null, walk.checked, pending == null ? 0 : pending,
                HEX.formatHex(walk.chain.head()), signed.isEmpty() ? null : CheckpointView.of(signed.get(signed.size() - 1)), bad);
    }

    /** Every chain the log has: each cooperative's, and the platform's own ({@code _platform}). */
    public java.util.List<Verification> verifyAll() {
        chainer.chainNow();
        return jdbc.query("select cooperative_id from audit_chain_head order by cooperative_id", (rs, n) -> rs.getString(1))
                .stream().map(this::verify).toList();
    }

    private Optional<BadEvent> firstInserted(String cooperativeId) {
        Set<Long> watched = new HashSet<>(chainer.watchedGaps());
        long cursor = jdbc.query("select position from audit_chain_cursor where id = 1", (rs, n) -> rs.getLong(1))
                .stream().findFirst().orElse(0L);
        return jdbc.query("select " + AuditChainer.COLUMNS + " from domainevententry d where globalindex <= ? and not exists "
                                + "(select 1 from audit_chain_link l where l.position = d.globalindex) order by globalindex",
                        AuditChainer.MAPPER, cursor).stream()
                .filter(row -> !watched.contains(row.position()))
                .filter(row -> belongsTo(row, cooperativeId))
                .findFirst()
                .map(row -> new BadEvent(row.position(), row.aggregateIdentifier(), row.sequenceNumber(), row.payloadType(),
                        Problem.INSERTED, "in the log below the chained events, but never chained"));
    }

    private boolean belongsTo(StoredEvent row, String cooperativeId) {
        Optional<String> direct = CooperativeOfEvent.byAggregate(row.aggregateType(), row.aggregateIdentifier());
        if (direct.isPresent()) {
            return direct.get().equals(cooperativeId);
        }
        Optional<String> submitted = CooperativeOfEvent.submittedIn(row.payloadType(), row.payload());
        if (submitted.isPresent()) {
            return submitted.get().equals(cooperativeId);
        }
        return jdbc.query("select cooperative_id from audit_aggregate where aggregate_identifier = ?",
                (rs, n) -> rs.getString(1), row.aggregateIdentifier()).stream().findFirst()
                .map(cooperativeId::equals).orElse(true); // a forged proposal no chain knows: every cooperative sees it
    }

    /** Walks the links in chain order, recomputing each from the stored event. */
    private static final class Walk {

        final HashChain chain = new HashChain();
        final MerkleFrontier frontier = new MerkleFrontier();
        final List<Checkpoint> signed;
        final byte[] publicKey;
        /**
         * Each checkpoint's signature, checked in order on another core while the walk hashes (checking Ed25519
         * signatures in the walk took ~20 % of it); the walk waits for one only if it gets there first.
         */
        final List<java.util.concurrent.CompletableFuture<Boolean>> signatures;
        volatile boolean done;
        int nextCheckpoint;
        BadEvent firstSinceGoodCheckpoint;
        long checked;
        volatile BadEvent bad;

        Walk(List<Checkpoint> signed, byte[] publicKey, VerifiedSignatures verifiedSignatures) {
            this.signed = signed;
            this.publicKey = publicKey;
            this.signatures = signed.stream().map(c -> new java.util.concurrent.CompletableFuture<Boolean>()).toList();
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (int i = 0; i < signed.size() && !done; i++) {
                    try {
                        signatures.get(i).complete(verifiedSignatures.signedBy(signed.get(i), publicKey));
                    } catch (RuntimeException e) {
                        signatures.get(i).completeExceptionally(e);
                    }
                }
            });
        }

        private boolean signatureValid(int checkpoint) {
            return signatures.get(checkpoint).join();
        }

        /** After the last link: a checkpoint beyond the chain means links were removed from its end. */
        void finish() {
            done = true;
            if (bad == null && nextCheckpoint < signed.size()) {
                Checkpoint beyond = signed.get(nextCheckpoint);
                bad = new BadEvent(beyond.position(), null, 0, null, Problem.CHAIN_ALTERED,
                        "a checkpoint signed " + beyond.length() + " events, the chain now has " + checked);
            }
        }

        private void passCheckpoints(BadEvent current) {
            while (bad == null && nextCheckpoint < signed.size() && signed.get(nextCheckpoint).length() == checked) {
                int index = nextCheckpoint++;
                Checkpoint checkpoint = signed.get(index);
                if (!signatureValid(index)) {
                    bad = new BadEvent(current.position(), current.aggregateIdentifier(), current.sequenceNumber(), current.type(),
                            Problem.CHECKPOINT_FORGED, "the checkpoint after " + checkpoint.length() + " events is not signed by this node's key");
                } else if (!chain.headEquals(checkpoint.chainHead()) || !Arrays.equals(frontier.root(), checkpoint.merkleRoot())) {
                    BadEvent from = firstSinceGoodCheckpoint;
                    bad = new BadEvent(from.position(), from.aggregateIdentifier(), from.sequenceNumber(), from.type(), Problem.REWRITTEN,
                            "events " + (from.position()) + " to " + checkpoint.position()
                                    + " no longer lead to the head signed after " + checkpoint.length()
                                    + " events: one of them was changed and the chain recomputed");
                } else {
                    firstSinceGoodCheckpoint = null;
                }
            }
        }

        /** Called on the walk's own thread, for each row in chain order. */
        void accept(LinkRow row) {
            if (bad != null) {
                return;
            }
            long position = row.position();
            String linkedAggregate = row.linkedAggregate();
            long linkedSequence = row.linkedSequence();
            byte[] storedHash = row.storedHash();
            byte[] storedLink = row.storedLink();
            if (row.chainIndex() != checked) {
                bad = new BadEvent(position, linkedAggregate, linkedSequence, null, Problem.CHAIN_ALTERED,
                        "link " + checked + " of the chain is missing");
                return;
            }
            if (row.event() == null) {
                bad = new BadEvent(position, linkedAggregate, linkedSequence, null, Problem.MISSING,
                        "chained at this position, no longer in the log");
                return;
            }
            StoredEvent event = row.event();
            String type = event.payloadType();
            String aggregate = event.aggregateIdentifier();
            long sequence = event.sequenceNumber();
            if (!aggregate.equals(linkedAggregate) || sequence != linkedSequence) {
                bad = new BadEvent(position, linkedAggregate, linkedSequence, type, Problem.REORDERED,
                        "this position held event " + linkedSequence + " of " + linkedAggregate + "; it now holds event "
                                + sequence + " of " + aggregate);
                return;
            }
            byte[] hash = event.hash();
            if (!Arrays.equals(hash, storedHash)) {
                bad = new BadEvent(position, aggregate, sequence, type, Problem.ALTERED,
                        "its stored bytes differ from those chained");
                return;
            }
            chain.append(hash);
            frontier.append(MerkleTree.leafHash(hash));
            if (!chain.headEquals(storedLink)) {
                bad = new BadEvent(position, aggregate, sequence, type, Problem.CHAIN_ALTERED,
                        "its link does not follow from the previous one");
                return;
            }
            BadEvent current = new BadEvent(position, aggregate, sequence, type, null, null);
            if (firstSinceGoodCheckpoint == null) {
                firstSinceGoodCheckpoint = current;
            }
            checked++;
            passCheckpoints(current);
        }
    }
}
