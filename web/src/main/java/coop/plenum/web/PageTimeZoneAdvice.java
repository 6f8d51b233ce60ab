package coop.plenum.web;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Issue 14: the pages show times in the signed-in person's time zone (account settings), with the zone named after
 * each time ("2 Dec 19:00 CET"); signed out, or with none set, in UTC. The API and the audit pages keep UTC, the time
 * the log keeps; date-and-time fields in forms say which zone they read. {@link PageReaderFilter} finds the zone and
 * {@link PageLanguageAdvice} gives it to every page.
 */
final class PageTimeZoneAdvice {

    static final String UTC = "UTC";

    private PageTimeZoneAdvice() {
    }

    /** A zone the JDK knows, else UTC: a page never fails over a setting stored before its rules were checked. */
    static String known(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(timeZone).getId();
        } catch (DateTimeException unknown) {
            return UTC;
        }
    }
}
