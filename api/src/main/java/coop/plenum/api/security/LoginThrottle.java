package coop.plenum.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing down, per account and per client address, in memory on this node.
 * <p>
 * An attempt counts as failed from the moment it starts until it succeeds: {@link #attempt} reserves it, so a burst of
 * parallel guesses cannot all slip through before the first failure is recorded. A success forgets the account's
 * failures and gives the client its attempt back. Waits grow exponentially and are capped, and a client that recently
 * signed in to the account is not held back by that account's wait, so nobody can lock an owner out for good.
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
    private final Map<String, Instant> trustedPairs;

    public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.accounts = bounded(settings.maxTracked());
        this.clients = bounded(settings.maxTracked());
        this.trustedPairs = bounded(settings.maxTracked());
    }

    /** Reserves an attempt for this username from this client, or says how long to wait. */
    public synchronized Decision attempt(String username, String client) {
        Instant now = clock.instant();
        Duration clientWait = waitFor(clients, client, settings.clientFreeAttempts(), now);
        Duration accountWait = isTrusted(username, client, now) ? Duration.ZERO
                : waitFor(accounts, username, settings.accountFreeAttempts(), now);
        Duration wait = clientWait.compareTo(accountWait) >= 0 ? clientWait : accountWait;
        if (!wait.isZero()) {
            return new Blocked(wait);
        }
        countFailure(clients, client, now);
        countFailure(accounts, username, now);
        return new Allowed();
    }

    /** The reserved attempt succeeded: the account starts afresh and the client gets its attempt back. */
    public synchronized void succeeded(String username, String client) {
        Instant now = clock.instant();
        accounts.remove(username);
        clients.computeIfPresent(client, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.last()));
        trustedPairs.put(pair(username, client), now);
    }

    /** How many accounts, clients and trusted pairs are remembered (for tests of the memory bound). */
    synchronized int tracked() {
        return accounts.size() + clients.size() + trustedPairs.size();
    }

    private Duration waitFor(Map<String, Failures> records, String key, int freeAttempts, Instant now) {
        Failures failures = current(records, key, now);
        if (failures == null || failures.count() < freeAttempts) {
            return Duration.ZERO;
        }
        Instant until = failures.last().plus(backOff(failures.count() - freeAttempts));
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
