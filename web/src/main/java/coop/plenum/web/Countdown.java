package coop.plenum.web;

import java.time.Duration;
import java.time.Instant;

/**
 * How long until a vote closes, in words ("2 days 3 hours", "45 minutes"): the page shows it next to the closing time,
 * and countdown.js says the same thing as the minutes pass (the time itself stays for readers without JavaScript).
 * The words come from the page's language (issue 14): the message {@code countdown.units} lists them.
 */
final class Countdown {

    private Countdown() {
    }

    /** The time left from {@code now} to {@code closesAt}, or {@code null} when it has passed or there is none. */
    static TimeLeft left(Instant now, Instant closesAt) {
        if (closesAt == null || !closesAt.isAfter(now)) {
            return null;
        }
        Duration d = Duration.between(now, closesAt);
        return new TimeLeft(d.toDays(), d.toHoursPart(), d.toMinutesPart());
    }

    /** Whole days, hours and minutes left; {@link #in(String)} puts them in words. */
    record TimeLeft(long days, long hours, long minutes) {

        /** The English words, as {@code countdown.units} in messages.properties has them. */
        static final String ENGLISH_UNITS = "day,days,hour,hours,minute,minutes,less than a minute";

        /**
         * In words, with {@code units} the language's "day,days,hour,hours,minute,minutes,less than a minute" (the
         * two largest units only, as countdown.js does).
         */
        public String in(String units) {
            String[] u = units.split(",", -1);
            if (u.length != 7) {
                u = ENGLISH_UNITS.split(",");
            }
            if (days > 0) {
                return plural(days, u[0], u[1]) + (hours > 0 ? " " + plural(hours, u[2], u[3]) : "");
            }
            if (hours > 0) {
                return plural(hours, u[2], u[3]) + (minutes > 0 ? " " + plural(minutes, u[4], u[5]) : "");
            }
            return minutes > 0 ? plural(minutes, u[4], u[5]) : u[6].strip();
        }

        @Override
        public String toString() {
            return in(ENGLISH_UNITS);
        }

        private static String plural(long n, String one, String many) {
            return n + " " + (n == 1 ? one : many).strip();
        }
    }
}
