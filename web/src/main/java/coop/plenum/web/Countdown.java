package coop.plenum.web;

import java.time.Duration;
import java.time.Instant;

/**
 * How long until a vote closes, in words ("2 days 3 hours", "45 minutes"): the page shows it next to the closing time,
 * and countdown.js says the same thing as the minutes pass (the time itself stays for readers without JavaScript).
 */
final class Countdown {

    private Countdown() {
    }

    /** The time left from {@code now} to {@code closesAt}, or {@code null} when it has passed or there is none. */
    static String left(Instant now, Instant closesAt) {
        if (closesAt == null || !closesAt.isAfter(now)) {
            return null;
        }
        Duration d = Duration.between(now, closesAt);
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        }
        if (hours > 0) {
            return plural(hours, "hour") + (minutes > 0 ? " " + plural(minutes, "minute") : "");
        }
        return minutes > 0 ? plural(minutes, "minute") : "less than a minute";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
