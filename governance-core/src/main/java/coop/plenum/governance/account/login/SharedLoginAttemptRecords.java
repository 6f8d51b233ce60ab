package coop.plenum.governance.account.login;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sign-in throttling's records in PostgreSQL, next to the login lookup, so that every node sharing the log sees the
 * same failures. Keys are stored as SHA-256 hashes. A failure is counted by one atomic upsert (two nodes counting at
 * once both count); rows no longer relevant are deleted now and then, so the tables stay as small as the recent
 * failures are many.
 */
public final class SharedLoginAttemptRecords implements LoginAttemptRecords {

    private static final HexFormat HEX = HexFormat.of();
    private static final int CLEAN_EVERY = 1000;

    private final JdbcTemplate jdbc;
    private final AtomicLong writes = new AtomicLong();

    public SharedLoginAttemptRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Failures> failures(String key, Instant since) {
        return jdbc.query("select failures, last_failure from plenum_login_failures where key_hash = ? and last_failure >= ?",
                        (rs, n) -> new Failures(rs.getInt(1), rs.getTimestamp(2).toInstant()), hash(key), Timestamp.from(since))
                .stream().findFirst();
    }

    @Override
    public void failed(String key, Instant now, Instant since) {
        jdbc.update("insert into plenum_login_failures (key_hash, failures, last_failure) values (?, 1, ?) "
                        + "on conflict (key_hash) do update set failures = case when plenum_login_failures.last_failure < ? then 1 "
                        + "else plenum_login_failures.failures + 1 end, last_failure = excluded.last_failure",
                hash(key), Timestamp.from(now), Timestamp.from(since));
        if (writes.incrementAndGet() % CLEAN_EVERY == 0) {
            jdbc.update("delete from plenum_login_failures where last_failure < ?", Timestamp.from(since));
        }
    }

    @Override
    public void forget(String key) {
        jdbc.update("delete from plenum_login_failures where key_hash = ?", hash(key));
    }

    @Override
    public Optional<Instant> trusted(String pair, Instant since) {
        return jdbc.query("select trusted_at from plenum_login_trusted where pair_hash = ? and trusted_at >= ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), hash(pair), Timestamp.from(since)).stream().findFirst();
    }

    @Override
    public void trust(String pair, Instant now) {
        jdbc.update("insert into plenum_login_trusted (pair_hash, trusted_at) values (?, ?) "
                + "on conflict (pair_hash) do update set trusted_at = excluded.trusted_at", hash(pair), Timestamp.from(now));
        if (writes.incrementAndGet() % CLEAN_EVERY == 0) {
            // trust lasts at most a few weeks (plenum.security.login-throttle.trusted-for); a year is far beyond it
            jdbc.update("delete from plenum_login_trusted where trusted_at < ?", Timestamp.from(now.minus(java.time.Duration.ofDays(366))));
        }
    }

    private static String hash(String key) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
