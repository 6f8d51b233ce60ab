package coop.plenum.api.support;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AnonymousThrottleTest {

    private final MovableClock clock = new MovableClock();

    /** A clock the test moves forward by hand. */
    static final class MovableClock extends java.time.Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

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
