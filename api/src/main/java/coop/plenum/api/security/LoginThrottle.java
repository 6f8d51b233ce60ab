package coop.plenum.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing down, per account and per client address, in memory on this node.
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

    private record Failures(int count, Instant last) {
    }

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Failures> accounts;
    private final Map<String, Failures> clients;
    private final Map<String, Integer> accountsInFlight = new LinkedHashMap<>();
    private final Map<String, Integer> clientsInFlight = new LinkedHashMap<>();
    private final Map<String, Instant> trustedPairs;

    public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.accounts = bounded(settings.maxTracked());
        this.clients = bounded(settings.maxTracked());
        this.trustedPairs = bounded(settings.maxTracked());
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
        accounts.remove(username);
        trustedPairs.put(pair(username, client), clock.instant());
    }

    /** The reserved attempt had a wrong username or password. */
    public synchronized void failed(String username, String client) {
        Instant now = clock.instant();
        release(username, client);
        countFailure(clients, client, now);
        countFailure(accounts, username, now);
    }

    /** The reserved attempt ended without an answer about the password (an error, a cancelled request). */
    public synchronized void released(String username, String client) {
        release(username, client);
    }

    /** How many accounts, clients and trusted pairs are remembered (for tests of the memory bound). */
    synchronized int tracked() {
        return accounts.size() + clients.size() + trustedPairs.size() + accountsInFlight.size() + clientsInFlight.size();
    }

    private Duration waitFor(String username, String client, Instant now) {
        Duration clientWait = waitFor(clients, clientsInFlight, client, settings.clientFreeAttempts(), now);
        Duration accountWait = isTrusted(username, client, now) ? Duration.ZERO
                : waitFor(accounts, accountsInFlight, username, settings.accountFreeAttempts(), now);
        return clientWait.compareTo(accountWait) >= 0 ? clientWait : accountWait;
    }

    private Duration waitFor(Map<String, Failures> records, Map<String, Integer> inFlight, String key, int freeAttempts,
                             Instant now) {
        Failures failures = current(records, key, now);
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

    private void countFailure(Map<String, Failures> records, String key, Instant now) {
        Failures failures = current(records, key, now);
        records.put(key, new Failures(failures == null ? 1 : failures.count() + 1, now));
    }

    private Failures current(Map<String, Failures> records, String key, Instant now) {
        Failures failures = records.get(key);
        if (failures != null && now.isAfter(failures.last().plus(settings.forgetAfter()))) {
            records.remove(key);
            return null;
        }
        return failures;
    }

    private boolean isTrusted(String username, String client, Instant now) {
        Instant lastSuccess = trustedPairs.get(pair(username, client));
        return lastSuccess != null && now.isBefore(lastSuccess.plus(settings.trustedFor()));
    }

    private static String pair(String username, String client) {
        return username + '\n' + client;
    }

    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
