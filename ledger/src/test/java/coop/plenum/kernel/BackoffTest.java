package coop.plenum.kernel;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void theWaitGrowsByTheFactorAfterEachFailureUpToTheLongest() {
        Backoff doubling = Backoff.doubling(Duration.ofSeconds(30), Duration.ofMinutes(3));
        assertThat(doubling.waitAfter(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(doubling.waitAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(doubling.waitAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(doubling.waitAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(doubling.waitAfter(4)).isEqualTo(Duration.ofMinutes(3));
        Backoff tripling = new Backoff(Duration.ofMinutes(1), 3, Duration.ofDays(1));
        assertThat(tripling.waitAfter(7)).isEqualTo(Duration.ofMinutes(729));
        assertThat(new Backoff(Duration.ofSeconds(5), 1, Duration.ofMinutes(1)).waitAfter(40)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anyNumberOfFailuresWaitsTheLongestWithoutOverflowing() {
        assertThat(Backoff.doubling(Duration.ofSeconds(5), Duration.ofMinutes(15)).waitAfter(Long.MAX_VALUE))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(new Backoff(Duration.ofNanos(1), Long.MAX_VALUE, Duration.ofDays(365_000)).waitAfter(Long.MAX_VALUE))
                .isEqualTo(Duration.ofDays(365_000));
    }

    @Test
    void aBackoffThatCouldNotWaitOrWouldShrinkIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), 2, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
