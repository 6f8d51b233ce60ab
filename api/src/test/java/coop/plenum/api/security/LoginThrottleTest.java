package coop.plenum.api.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottleSettings.defaults(), clock);

    private void fail(String username, String client, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.attempt(username, client)).as("attempt %d", i + 1).isInstanceOf(LoginThrottle.Allowed.class);
            throttle.failed(username, client);
        }
    }

    private Duration waitFor(String username, String client) {
        return throttle.peek(username, client) instanceof LoginThrottle.Blocked b ? b.retryAfter() : Duration.ZERO;
    }

    @Test
    void anAccountHasFiveFreeAttemptsThenWaitsThatDoubleUpToFiveMinutes() {
        fail("alice", "10.0.0.1", 5);
        Duration expected = Duration.ofSeconds(1);
        for (int i = 0; i < 12; i++) {
            assertThat(waitFor("alice", "10.0.0.1")).isEqualTo(expected);
            clock.advance(expected);
            fail("alice", "10.0.0.1", 1);
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : expected.multipliedBy(2);
        }
        assertThat(waitFor("alice", "10.0.0.1")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aSuccessStartsTheAccountAfresh() {
        fail("alice", "10.0.0.1", 4);
        throttle.attempt("alice", "10.0.0.1");
        throttle.succeeded("alice", "10.0.0.1");
        fail("alice", "10.0.0.9", 5);
        assertThat(waitFor("alice", "10.0.0.9")).isPositive();
    }

    @Test
    void successfulSignInsBelowTheLimitAreNeverHeldBack() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(throttle.attempt("alice", "10.0.0.1")).isInstanceOf(LoginThrottle.Allowed.class);
            throttle.succeeded("alice", "10.0.0.1");
        }
    }

    @Test
    void manyParallelSignInsOfOneAccountAreNotHeldBackWhileNoneHasFailed() {
        for (int i = 0; i < 100; i++) {
            assertThat(throttle.attempt("script", "10.0.0.1")).isInstanceOf(LoginThrottle.Allowed.class);
        }
        for (int i = 0; i < 100; i++) {
            throttle.succeeded("script", "10.0.0.1");
        }
        assertThat(throttle.tracked()).isEqualTo(1);
    }

    @Test
    void onceAnAccountHasFailedGuessesStillInFlightCountAsFailures() {
        fail("alice", "10.0.0.1", 1);
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.attempt("alice", "10.0.0." + (10 + i))).isInstanceOf(LoginThrottle.Allowed.class);
        }
        assertThat(waitFor("alice", "10.0.0.20")).isEqualTo(Duration.ofSeconds(1));
        throttle.released("alice", "10.0.0.10");
        assertThat(throttle.peek("alice", "10.0.0.20")).isInstanceOf(LoginThrottle.Allowed.class);
    }

    @Test
    void aClientSprayingUsernamesIsHeldBackAfterTwentyFailures() {
        for (int i = 0; i < 20; i++) {
            fail("user" + i, "10.0.0.66", 1);
        }
        assertThat(waitFor("someone-else", "10.0.0.66")).isEqualTo(Duration.ofSeconds(1));
        assertThat(waitFor("someone-else", "10.0.0.67")).isZero();
    }

    @Test
    void anAttackerElsewhereCannotLockTheOwnerOutOfTheirUsualClient() {
        throttle.attempt("alice", "192.0.2.1");
        throttle.succeeded("alice", "192.0.2.1");
        fail("alice", "203.0.113.66", 5);
        clock.advance(Duration.ofMinutes(10));
        fail("alice", "203.0.113.66", 1);
        assertThat(waitFor("alice", "203.0.113.66")).isPositive();
        assertThat(throttle.attempt("alice", "192.0.2.1")).isInstanceOf(LoginThrottle.Allowed.class);
    }

    @Test
    void noLockoutIsPermanentFailuresAreForgottenAfterAnHourOfQuiet() {
        fail("alice", "10.0.0.1", 5);
        for (int i = 0; i < 20; i++) {
            clock.advance(waitFor("alice", "10.0.0.1"));
            fail("alice", "10.0.0.1", 1);
        }
        assertThat(waitFor("alice", "10.0.0.1")).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(61));
        fail("alice", "10.0.0.1", 5);
    }

    @Test
    void sprayingUsernamesCannotGrowMemoryWithoutBound() {
        LoginThrottle small = new LoginThrottle(new LoginThrottleSettings(5, 20, Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(30), 100), clock);
        for (int i = 0; i < 100_000; i++) {
            String client = "10.0." + (i / 250) + "." + (i % 250);
            small.attempt("user" + i, client);
            if (i % 10 == 0) {
                small.succeeded("user" + i, client);
            } else {
                small.failed("user" + i, client);
            }
        }
        assertThat(small.tracked()).isLessThanOrEqualTo(300);
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        assertThat(LoginThrottled.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(LoginThrottled.seconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(LoginThrottled.seconds(Duration.ofSeconds(300))).isEqualTo(300);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
