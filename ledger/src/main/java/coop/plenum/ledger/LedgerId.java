package coop.plenum.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a cooperative's ledger (the same value as the cooperative's id). */
public record LedgerId(String value) {

    @JsonCreator
    public LedgerId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a LedgerId is never blank");
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
