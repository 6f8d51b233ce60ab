package coop.plenum.web;

import coop.plenum.kernel.Instants;
import coop.plenum.kernel.Violation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A time typed into an auditor's form: what a browser's date-and-time picker sends ({@code 2026-05-01T12:00}, read
 * as UTC, the time the log keeps) or an ISO-8601 instant ({@code 2026-05-01T12:00:00.123Z}).
 */
final class AuditTime {

    private AuditTime() {
    }

    /** The instant, or null if blank; a violation naming {@code field} if it is not a time Plenum can keep. */
    static Instant parse(String field, String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String typed = text.strip();
        Instant instant;
        try {
            instant = typed.endsWith("Z") || typed.endsWith("z") ? Instant.parse(typed.toUpperCase(java.util.Locale.ROOT))
                    : LocalDateTime.parse(typed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "audit.time-invalid", field + " is a UTC time such as 2026-05-01T12:00"));
            return null;
        }
        return Instants.storable(field, instant, violations) ? instant : null;
    }

    /** The instant as a date-and-time picker shows it (UTC, to the second). */
    static String shown(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).withNano(0).toString();
    }
}
