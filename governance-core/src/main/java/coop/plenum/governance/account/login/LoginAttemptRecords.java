package coop.plenum.governance.account.login;

import java.time.Instant;
import java.util.Optional;

/**
 * What sign-in throttling remembers between attempts: recent failures per key (an account or a client) and the
 * clients trusted with an account. Shared by every node when kept in PostgreSQL ({@link SharedLoginAttemptRecords}),
 * so that spreading guesses over several nodes gains nothing.
 */
public interface LoginAttemptRecords {

    record Failures(int count, Instant last) {
    }

    /** The failures recorded for the key since {@code since}, if any. */
    Optional<Failures> failures(String key, Instant since);

    /** Counts one more failure for the key at {@code now}; failures older than {@code since} no longer count. */
    void failed(String key, Instant now, Instant since);

    void forget(String key);

    /** When the pair was last trusted, if since {@code since}. */
    Optional<Instant> trusted(String pair, Instant since);

    void trust(String pair, Instant now);
}
