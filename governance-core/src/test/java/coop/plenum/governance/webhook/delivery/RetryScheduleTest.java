package coop.plenum.governance.webhook.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(1), 3, 8);

    @Test
    void eachWaitIsThreeTimesTheLastWithinTwentyPercentJitter() {
        assertThat(schedule.waitAfter(1, 0.5)).contains(Duration.ofMinutes(1));
        assertThat(schedule.waitAfter(2, 0.5)).contains(Duration.ofMinutes(3));
        assertThat(schedule.waitAfter(7, 0.5)).contains(Duration.ofMinutes(729));
        assertThat(schedule.waitAfter(1, 0.0)).contains(Duration.ofSeconds(48));
        assertThat(schedule.waitAfter(1, 0.999999)).hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(72)));
    }

    @Test
    void afterTheEighthAttemptThereIsNoOtherAndAllTakeAboutEighteenHours() {
        assertThat(schedule.waitAfter(8, 0.5)).isEqualTo(Optional.empty());
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < 8; attempt++) {
            total = total.plus(schedule.waitAfter(attempt, 0.5).orElseThrow());
        }
        assertThat(total).isEqualTo(Duration.ofMinutes(1093));
    }
}
