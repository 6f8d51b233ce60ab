package coop.plenum.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits on failed sign-ins ({@code plenum.security.login-throttle.*}). After the free attempts, each further failure
 * doubles the wait, from {@code firstDelay} up to {@code maxDelay}; a record quiet for {@code forgetAfter} is dropped.
 * An account is also limited per client because one address may hide many people (NAT), so clients get more free
 * attempts. A client that signed in to an account within {@code trustedFor} is not held back by that account's wait:
 * an attacker elsewhere cannot lock its owner out. At most {@code maxTracked} accounts, clients and trusted pairs are
 * remembered each (least recently seen dropped first), so a spray of usernames cannot grow memory without bound.
 */
@ConfigurationProperties(prefix = "plenum.security.login-throttle")
public record LoginThrottleSettings(@DefaultValue("5") int accountFreeAttempts,
                                    @DefaultValue("20") int clientFreeAttempts,
                                    @DefaultValue("1s") Duration firstDelay,
                                    @DefaultValue("5m") Duration maxDelay,
                                    @DefaultValue("1h") Duration forgetAfter,
                                    @DefaultValue("30d") Duration trustedFor,
                                    @DefaultValue("10000") int maxTracked) {

    public LoginThrottleSettings {
        if (accountFreeAttempts < 1 || clientFreeAttempts < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("login-throttle: free attempts and max-tracked are at least 1");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("login-throttle: 0 < first-delay <= max-delay");
        }
    }

    static LoginThrottleSettings defaults() {
        return new LoginThrottleSettings(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofDays(30), 10_000);
    }
}
