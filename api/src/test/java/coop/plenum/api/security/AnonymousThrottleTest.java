package coop.plenum.api.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AnonymousThrottleTest {

    private final LoginThrottleTest.MutableClock clock = new LoginThrottleTest.MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void aKeyGetsItsAllowancePerWindowThenWaitsForTheNextWindow() {
        AnonymousThrottle throttle = new AnonymousThrottle(clock, 3, Duration.ofHours(1), 100);
        for (int i = 0; i < 3; i++) {
            throttle.acquire("10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.acquire("10.0.0.1")).isInstanceOfSatisfying(AnonymousThrottle.Throttled.class,
                t -> assertThat(t.retryAfter()).isEqualTo(Duration.ofHours(1)));
        assertThatNoException().as("another key has its own allowance").isThrownBy(() -> throttle.acquire("10.0.0.2"));

        clock.advance(Duration.ofMinutes(60));
        assertThatNoException().isThrownBy(() -> throttle.acquire("10.0.0.1"));
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlyUsedKey() {
        AnonymousThrottle throttle = new AnonymousThrottle(clock, 1, Duration.ofHours(1), 2);
        throttle.acquire("a");
        throttle.acquire("b");
        throttle.acquire("c");
        assertThatNoException().as("'a' was forgotten").isThrownBy(() -> throttle.acquire("a"));
        assertThatThrownBy(() -> throttle.acquire("c")).isInstanceOf(AnonymousThrottle.Throttled.class);
    }
}
