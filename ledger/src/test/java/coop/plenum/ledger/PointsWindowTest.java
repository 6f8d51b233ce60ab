package coop.plenum.ledger;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "Voting power": only ACCEPTED contributions count, and only those of the last windowDays before the snapshot. */
class PointsWindowTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant BEFORE = T.minusSeconds(60);

    @Test
    void aContributionAcceptedAfterTheSnapshotDoesNotCount() {
        assertThat(PointsWindow.counts(LocalDate.of(2026, 11, 1), T.plusMillis(1), T, null)).isFalse();
        assertThat(PointsWindow.counts(LocalDate.of(2026, 11, 1), T, T, null)).isTrue();
    }

    @Test
    void withoutAWindowEveryAcceptedContributionCounts() {
        assertThat(PointsWindow.counts(LocalDate.of(1999, 1, 1), BEFORE, T, null)).isTrue();
    }

    @Test
    void aWindowOfThirtyDaysCountsTheThirtyCalendarDaysEndingOnTheSnapshotsDay() {
        assertThat(PointsWindow.counts(LocalDate.of(2026, 11, 22), BEFORE, T, 30)).isTrue();
        assertThat(PointsWindow.counts(LocalDate.of(2026, 10, 24), BEFORE, T, 30)).isTrue();
        assertThat(PointsWindow.counts(LocalDate.of(2026, 10, 23), BEFORE, T, 30)).isFalse();
    }

    @Test
    void aContributionDatedAfterTheSnapshotsDayDoesNotCount() {
        assertThat(PointsWindow.counts(LocalDate.of(2026, 11, 23), BEFORE, T, null)).isFalse();
    }
}
