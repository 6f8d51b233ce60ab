package coop.plenum.governance.account.login;

import coop.plenum.governance.account.AccessTokenId;
import coop.plenum.kernel.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last-used time of access tokens, written behind the requests. Writing it in the request cost every request of
 * a token not used for a minute a transaction and a flush of PostgreSQL's log of its own: in a vote where each member
 * sends one request, one per ballot (issue 16). Uses are kept here, the latest per token, and written every
 * {@value #FLUSH_MILLIS} ms in one transaction, and once more when the node stops. The time is shown to the token's
 * owner, so the owner's list on this node includes uses not yet written ({@link #overlay}); another node sees them
 * within the interval. A node killed outright loses at most the last interval's uses of this informational time,
 * never a credential, a revocation or anything in the event log.
 */
@Component
public class AccessTokenUses implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenUses.class);
    static final long FLUSH_MILLIS = 1000;

    private record Use(String tokenHash, AccessTokenId tokenId, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Use> pending = new ConcurrentHashMap<>();
    private PeriodicTask task;

    AccessTokenUses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The token was used at {@code at}; a later use of the same token replaces an earlier one not yet written. */
    public void record(String tokenHash, AccessTokenId tokenId, Instant at) {
        pending.merge(tokenHash, new Use(tokenHash, tokenId, at), (kept, now) -> now.at().isAfter(kept.at()) ? now : kept);
    }

    /** Writes the uses recorded so far; a use that cannot be written now is kept for the next attempt. */
    public void flush() {
        List<Use> taken = new ArrayList<>();
        for (String hash : List.copyOf(pending.keySet())) {
            Use use = pending.remove(hash);
            if (use != null) {
                taken.add(use);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        try {
            // only ever forward: another node may have written a later use; a revoked token's row is gone, 0 rows
            jdbc.batchUpdate("update plenum_access_token set last_used_at = ? where token_hash = ? "
                            + "and (last_used_at is null or last_used_at < ?)",
                    taken.stream().map(u -> new Object[]{Timestamp.from(u.at()), u.tokenHash(), Timestamp.from(u.at())}).toList());
        } catch (RuntimeException failed) {
            taken.forEach(u -> record(u.tokenHash(), u.tokenId(), u.at()));
            log.warn("Could not record the last use of {} access tokens, will retry: {}", taken.size(), failed.toString());
        }
    }

    /** The listing with this node's unwritten uses applied, so the owner sees a use at once. */
    List<AccessTokenListing> overlay(List<AccessTokenListing> listed) {
        if (pending.isEmpty()) {
            return listed;
        }
        Map<AccessTokenId, Instant> latest = new java.util.HashMap<>();
        pending.values().forEach(u -> latest.merge(u.tokenId(), u.at(), (a, b) -> a.isAfter(b) ? a : b));
        return listed.stream().map(t -> {
            Instant unwritten = latest.get(t.tokenId());
            return unwritten == null || (t.lastUsedAt() != null && !unwritten.isAfter(t.lastUsedAt())) ? t
                    : new AccessTokenListing(t.tokenId(), t.name(), t.scope(), t.issuedAt(), t.expiresAt(), unwritten);
        }).toList();
    }

    @Override
    public synchronized void start() {
        task = PeriodicTask.every(Duration.ofMillis(FLUSH_MILLIS), "access-token-uses", this::flush);
    }

    @Override
    public synchronized void stop() {
        PeriodicTask running = task;
        task = null;
        if (running != null) {
            running.close();
        }
        flush();
    }

    @Override
    public synchronized boolean isRunning() {
        return task != null;
    }

    @Override
    public int getPhase() {
        // stopped after the web server (phases just under Integer.MAX_VALUE: it stops taking requests first), so the
        // last uses are written; the data source closes after every lifecycle has stopped
        return 0;
    }
}
