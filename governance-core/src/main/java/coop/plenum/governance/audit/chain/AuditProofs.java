package coop.plenum.governance.audit.chain;

import coop.plenum.governance.audit.Checkpoint;
import coop.plenum.governance.audit.MerkleTree;
import coop.plenum.governance.audit.Receipt;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Receipts (inclusion proofs of one event against the latest signed checkpoint) and consistency proofs between two
 * checkpoints of a cooperative, built from the event hashes the chain stores.
 */
@Component
public class AuditProofs {

    private final JdbcTemplate jdbc;
    private final AuditChainer chainer;
    private final Checkpoints checkpoints;

    AuditProofs(JdbcTemplate jdbc, AuditChainer chainer, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.chainer = chainer;
        this.checkpoints = checkpoints;
    }

    /** The event's chain entry: cooperative, index and who acted, or empty if the position was never chained. */
    public record Entry(String cooperativeId, long position, long index, String aggregateIdentifier, long sequenceNumber,
                        String eventType, byte[] eventHash, String metaData) {
    }

    public Optional<Entry> entry(long position) {
        chainer.chainNow();
        return jdbc.query("select l.cooperative_id, l.position, l.chain_index, l.aggregate_identifier, l.sequence_number, "
                        + "l.event_hash, d.payloadtype, convert_from(d.metadata, 'UTF8') as metadata from audit_chain_link l "
                        + "left join domainevententry d on d.globalindex = l.position where l.position = ?",
                (rs, n) -> new Entry(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getString(7), rs.getBytes(6), rs.getString(8)), position).stream().findFirst();
    }

    /** A receipt for the chained event at {@code position}, proven against the latest checkpoint that covers it. */
    public Receipt receipt(Entry entry) {
        Checkpoint checkpoint = checkpoints.latest(entry.cooperativeId())
                .filter(c -> c.length() > entry.index())
                .orElseThrow(() -> new StateConflict("audit.not-yet-signed",
                        "this event is chained but no checkpoint covers it yet; ask again in a few seconds"));
        List<byte[]> leaves = leaves(entry.cooperativeId(), checkpoint.length());
        return new Receipt(entry.cooperativeId(), entry.position(), entry.index(), entry.eventType(), entry.aggregateIdentifier(),
                entry.sequenceNumber(), entry.eventHash(), checkpoint,
                MerkleTree.inclusionProof(leaves, (int) entry.index(), (int) checkpoint.length()));
    }

    /** RFC 6962 consistency proof that the checkpoint of {@code to} events extends the one of {@code from}. */
    public ConsistencyProof consistency(String cooperativeId, long from, long to) {
        List<Checkpoint> all = checkpoints.all(cooperativeId);
        Checkpoint first = all.stream().filter(c -> c.length() == from).findFirst()
                .orElseThrow(() -> new NotFound("audit.checkpoint-not-found", "no checkpoint after " + from + " events"));
        Checkpoint second = all.stream().filter(c -> c.length() == to).findFirst()
                .orElseThrow(() -> new NotFound("audit.checkpoint-not-found", "no checkpoint after " + to + " events"));
        if (from > to) {
            throw new coop.plenum.kernel.InvalidInput("from", "audit.consistency-order", "from must not be after to");
        }
        return new ConsistencyProof(first, second, MerkleTree.consistencyProof(leaves(cooperativeId, to), (int) from, (int) to));
    }

    /** Two checkpoints and the proof that the second extends the first. */
    public record ConsistencyProof(Checkpoint from, Checkpoint to, List<byte[]> proof) {
        public boolean holds() {
            return MerkleTree.verifyConsistency(from.length(), to.length(), from.merkleRoot(), to.merkleRoot(), proof);
        }
    }

    private List<byte[]> leaves(String cooperativeId, long length) {
        if (length > Integer.MAX_VALUE) {
            throw new StateConflict("audit.chain-too-long", "proofs over more than 2^31 events are not supported");
        }
        List<byte[]> leaves = new ArrayList<>((int) length);
        jdbc.query("select event_hash from audit_chain_link where cooperative_id = ? and chain_index < ? order by chain_index",
                rs -> {
                    leaves.add(MerkleTree.leafHash(rs.getBytes(1)));
                }, cooperativeId, length);
        return leaves;
    }
}
