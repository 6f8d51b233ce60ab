package coop.plenum.api.support;

import coop.plenum.kernel.Instants;
import coop.plenum.kernel.InvalidInput;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The {@code ?asOf=} query parameter of tallies and provenance: an ISO-8601 instant, or absent for "now". */
public final class AsOf {

    private AsOf() {
    }

    public static Instant parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("asOf", "tally.as-of-invalid", "asOf is an ISO-8601 instant such as 2026-05-01T12:00:00Z");
        }
        if (!Instants.isStorable(instant)) {
            // a read model stores millisecond dates: later instants overflow them
            throw new InvalidInput("asOf", Instants.OUT_OF_RANGE, "asOf lies " + Instants.RANGE);
        }
        return instant;
    }
}
