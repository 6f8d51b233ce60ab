package coop.plenum.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which accepted contributions count towards voting power as of an instant T: those accepted at or before T and,
 * when the charter sets {@code windowDays}, that occurred in the last {@code windowDays} calendar days (UTC) ending
 * on T's day: {@code dayOf(T) − windowDays < occurredOn ≤ dayOf(T)}. With 30 days as of 2026-11-22, contributions
 * from 2026-10-24 to 2026-11-22 count.
 */
public final class PointsWindow {

    private PointsWindow() {
    }

    public static boolean counts(LocalDate occurredOn, Instant acceptedAt, Instant asOf, Integer windowDays) {
        if (acceptedAt.isAfter(asOf)) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        if (occurredOn.isAfter(day)) {
            return false;
        }
        return windowDays == null || occurredOn.isAfter(day.minusDays(windowDays));
    }
}
