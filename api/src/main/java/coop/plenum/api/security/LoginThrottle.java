package coop.plenum.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import coop.plenum.governance.account.login.LoginAttemptRecords;

/**
 * Slows password guessing down, per account and per client address. The failures and trusted clients are kept in
 * {@link LoginAttemptRecords}: in PostgreSQL in the running app, shared by every node, so spreading guesses over
 * several nodes gains nothing; attempts in flight are counted on each node.
 * <p>
 * Callers ask {@link #attempt} right before the bcrypt check and report the outcome with {@link #succeeded},
 * {@link #failed} or {@link #released}. Once an account or client has failed recently, attempts still in flight count
 * as failures too, so a burst of parallel guesses cannot slip through before the first result is in; an account or
 * client with no recent failure is never held back, however many sign-ins run at once. A success forgets the
 * account's failures. Waits grow exponentially and are capped, and a client that recently signed in to the account
 * is not held back by that account's wait, so nobody can lock an owner out for good.
 */
public class LoginThrottle {

    /** What an attempt may do now. */
    public sealed interface Decision {
    }

    public record Allowed() implements Decision {
    }

    public record Blocked(Duration retryAfter) implements Decision {
    }

    private static final String ACCOUNT = "account:";
    private static final String CLIENT = "client:";

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final LoginAttemptRecords records;
    private final Map<String, Integer> accountsInFlight = new LinkedHashMap<>();
    private final Map<String, Integer> clientsInFlight = new LinkedHashMap<>();

    /** With the records in this node's memory only. */
    public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this(settings, clock, new MemoryLoginAttemptRecords(settings.maxTracked()));
    }

    public LoginThrottle(LoginThrottleSettings settings, Clock clock, LoginAttemptRecords records) {
        this.settings = settings;
        this.clock = clock;
        this.records = records;
    }

    /** Whether an attempt would have to wait now, without reserving one: lets a request be refused before any work. */
    public synchronized Decision peek(String username, String client) {
        Duration wait = waitFor(username, client, clock.instant());
        return wait.isZero() ? new Allowed() : new Blocked(wait);
    }

    /** Reserves an attempt for this username from this client (report its outcome), or says how long to wait. */
    public synchronized Decision attempt(String username, String client) {
        Duration wait = waitFor(username, client, clock.instant());
        if (!wait.isZero()) {
            return new Blocked(wait);
        }
        accountsInFlight.merge(username, 1, Integer::sum);
        clientsInFlight.merge(client, 1, Integer::sum);
        return new Allowed();
    }

    /** The reserved attempt succeeded: the account starts afresh, and this client is trusted with it. */
    public synchronized void succeeded(String username, String client) {
        release(username, client);
        records.forget(ACCOUNT + username);
        records.trust(pair(username, client), clock.instant());
    }

    /** The reserved attempt had a wrong username or password. */
    public synchronized void failed(String username, String client) {
        Instant now = clock.instant();
        release(username, client);
        Instant since = now.minus(settings.forgetAfter());
        records.failed(CLIENT + client, now, since);
        records.failed(ACCOUNT + username, now, since);
    }

    /** The reserved attempt ended without an answer about the password (an error, a cancelled request). */
    public synchronized void released(String username, String client) {
        release(username, client);
    }

    /** How many accounts, clients and trusted pairs are remembered (for tests of the memory bound). */
    synchronized int tracked() {
        int remembered = records instanceof MemoryLoginAttemptRecords memory ? memory.size() : 0;
        return remembered + accountsInFlight.size() + clientsInFlight.size();
    }

    private Duration waitFor(String username, String client, Instant now) {
        Duration clientWait = waitFor(CLIENT, clientsInFlight, client, settings.clientFreeAttempts(), now);
        Duration accountWait = isTrusted(username, client, now) ? Duration.ZERO
                : waitFor(ACCOUNT, accountsInFlight, username, settings.accountFreeAttempts(), now);
        return clientWait.compareTo(accountWait) >= 0 ? clientWait : accountWait;
    }

    private Duration waitFor(String kind, Map<String, Integer> inFlight, String key, int freeAttempts, Instant now) {
        LoginAttemptRecords.Failures failures = records.failures(kind + key, now.minus(settings.forgetAfter())).orElse(null);
        if (failures == null) {
            return Duration.ZERO;
        }
        int counted = failures.count() + inFlight.getOrDefault(key, 0);
        if (counted < freeAttempts) {
            return Duration.ZERO;
        }
        Instant until = failures.last().plus(backOff(counted - freeAttempts));
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** firstDelay · 2^beyondFree, capped at maxDelay. */
    Duration backOff(int beyondFree) {
        Duration delay = settings.firstDelay();
        for (int i = 0; i < beyondFree && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private void release(String username, String client) {
        accountsInFlight.computeIfPresent(username, (k, n) -> n <= 1 ? null : n - 1);
        clientsInFlight.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    private boolean isTrusted(String username, String client, Instant now) {
        return records.trusted(pair(username, client), now.minus(settings.trustedFor())).isPresent();
    }

    private static String pair(String username, String client) {
        return username + '\n' + client;
    }
}
