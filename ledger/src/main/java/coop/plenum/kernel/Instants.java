package coop.plenum.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Every instant and date that enters a command lies in the years 1970 to 9999. Later ones do not fit a millisecond
 * timestamp (MongoDB dates, deadline schedulers) or a four-digit ISO year; earlier ones are typing mistakes.
 */
public final class Instants {

    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = LocalDate.of(9999, 12, 31).atStartOfDay(ZoneOffset.UTC).plusDays(1).toInstant().minusNanos(1);
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1970, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    public static final String OUT_OF_RANGE = "time.out-of-range";
    public static final String RANGE = "between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private Instants() {
    }

    public static boolean isStorable(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static boolean isStorable(LocalDate date) {
        return date != null && !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /** Adds a violation when a given (non-null) instant lies outside the years 1970–9999; returns whether it is inside. */
    public static boolean storable(String field, Instant instant, java.util.List<Violation> violations) {
        if (instant == null || isStorable(instant)) {
            return true;
        }
        violations.add(new Violation(field, OUT_OF_RANGE, field + " lies " + RANGE));
        return false;
    }

    public static boolean storable(String field, LocalDate date, java.util.List<Violation> violations) {
        if (date == null || isStorable(date)) {
            return true;
        }
        violations.add(new Violation(field, OUT_OF_RANGE, field + " lies between 1970-01-01 and 9999-12-31"));
        return false;
    }
}
