package coop.plenum.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a recorded revenue. */
public record RevenueId(String value) {

    @JsonCreator
    public RevenueId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a RevenueId is never blank");
        }
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
