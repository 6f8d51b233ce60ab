package coop.plenum.governance.audit.chain;

import coop.plenum.governance.audit.Checkpoint;
import coop.plenum.governance.audit.MerkleFrontier;
import coop.plenum.governance.audit.MerkleTree;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs a checkpoint of a cooperative's chain every {@code plenum.audit.checkpoint-every-events} events (100), or
 * once {@code plenum.audit.checkpoint-interval} (10 s) has passed with events not yet signed, and at every closed
 * vote. Keeps each chain's Merkle frontier in memory (rebuilt from the stored event hashes when needed), so a
 * checkpoint costs O(log n) however long the history.
 */
@Component
public class Checkpoints {

    static final RowMapper<Checkpoint> MAPPER = (rs, n) -> new Checkpoint(rs.getString("cooperative_id"), rs.getLong("length"),
            rs.getLong("position"), rs.getBytes("chain_head"), rs.getBytes("merkle_root"), Instant.parse(rs.getString("created_at")),
            rs.getString("key_id"), rs.getBytes("signature"));

    private final JdbcTemplate jdbc;
    private final AuditKey key;
    private final Clock clock;
    private final long everyEvents;
    private final Duration interval;
    private final Map<String, State> chains = new HashMap<>();

    private final VerifiedSignatures verified;

    Checkpoints(JdbcTemplate jdbc, AuditKey key, Clock clock, VerifiedSignatures verified,
                @Value("${plenum.audit.checkpoint-every-events:100}") long everyEvents,
                @Value("${plenum.audit.checkpoint-interval:10s}") Duration interval) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
        this.verified = verified;
        this.everyEvents = Math.max(1, everyEvents);
        this.interval = interval;
    }

    /** Where one chain stands: its frontier, its last link, and its last checkpoint. */
    private static final class State {
        final MerkleFrontier frontier = new MerkleFrontier();
        byte[] head;
        long lastPosition;
        long signedLength;
        Instant signedAt;
        boolean closingSeen;
    }

    /** Called by the chainer, in its transaction, for each event it links. */
    void linked(String cooperativeId, byte[] eventHash, byte[] link, long position, boolean closesAVote) {
        State state = state(cooperativeId);
        state.frontier.append(MerkleTree.leafHash(eventHash));
        state.head = link;
        state.lastPosition = position;
        state.closingSeen |= closesAVote;
    }

    /** Signs the checkpoints that are due; called by the chainer, in its transaction, after every round. */
    void signDue() {
        Instant now = clock.instant();
        chains.forEach((cooperative, state) -> {
            long unsigned = state.frontier.size() - state.signedLength;
            if (unsigned > 0 && (unsigned >= everyEvents || state.closingSeen
                    || state.signedAt == null || !now.isBefore(state.signedAt.plus(interval)))) {
                sign(cooperative, state, now);
            }
        });
    }

    /** Forget what is in memory (after a failed transaction): it is rebuilt from the tables. */
    void forget() {
        chains.clear();
    }

    public Optional<Checkpoint> latest(String cooperativeId) {
        return jdbc.query("select * from audit_checkpoint where cooperative_id = ? order by length desc limit 1", MAPPER, cooperativeId)
                .stream().findFirst();
    }

    public List<Checkpoint> all(String cooperativeId) {
        return jdbc.query("select * from audit_checkpoint where cooperative_id = ? order by length", MAPPER, cooperativeId);
    }

    private void sign(String cooperative, State state, Instant now) {
        long length = state.frontier.size();
        Checkpoint unsigned = new Checkpoint(cooperative, length, state.lastPosition, state.head, state.frontier.root(), now,
                key.keyId(), null);
        byte[] signature = key.sign(unsigned.statement());
        verified.signed(new Checkpoint(cooperative, length, state.lastPosition, state.head, unsigned.merkleRoot(), now,
                key.keyId(), signature), key.publicKey());
        jdbc.update("insert into audit_checkpoint (cooperative_id, length, position, chain_head, merkle_root, created_at, key_id, signature) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", cooperative, length, state.lastPosition, state.head,
                unsigned.merkleRoot(), now.toString(), key.keyId(), signature);
        state.signedLength = length;
        state.signedAt = now;
        state.closingSeen = false;
    }

    private State state(String cooperativeId) {
        State state = chains.get(cooperativeId);
        if (state == null) {
            state = new State();
            State loading = state;
            jdbc.query("select event_hash, link, position from audit_chain_link where cooperative_id = ? order by chain_index",
                    rs -> {
                        loading.frontier.append(MerkleTree.leafHash(rs.getBytes(1)));
                        loading.head = rs.getBytes(2);
                        loading.lastPosition = rs.getLong(3);
                    }, cooperativeId);
            latest(cooperativeId).ifPresent(last -> {
                loading.signedLength = last.length();
                loading.signedAt = last.createdAt();
            });
            chains.put(cooperativeId, state);
        }
        return state;
    }
}
