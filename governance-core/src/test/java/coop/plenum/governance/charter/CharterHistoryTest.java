package coop.plenum.governance.charter;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC "as of T" for the charter: the last one adopted at or before the instant counts. */
class CharterHistoryTest {

    private static final Instant FOUNDED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant AMENDED = FOUNDED.plusSeconds(3600);

    private static Charter charter(int quorum) {
        return CharterRules.complete(new Charter(List.of(new StakeholderClass("workers", "Workers", 100, quorum)),
                null, null, null, null, null, null));
    }

    @Test
    void anAmendmentCountsFromTheInstantItWasAdoptedAndNotBefore() {
        CharterHistory history = new CharterHistory();
        history.adopted(FOUNDED, charter(10));
        history.adopted(AMENDED, charter(50));

        assertThat(history.asOf(AMENDED.minusMillis(1)).classes().get(0).quorum()).isEqualTo(10);
        assertThat(history.asOf(AMENDED).classes().get(0).quorum()).isEqualTo(50);
        assertThat(history.inForce().classes().get(0).quorum()).isEqualTo(50);
    }

    @Test
    void beforeTheFoundingTheFoundingCharterIsTheAnswer() {
        CharterHistory history = new CharterHistory();
        history.adopted(FOUNDED, charter(10));

        assertThat(history.asOf(FOUNDED.minusSeconds(60)).classes().get(0).quorum()).isEqualTo(10);
    }
}
