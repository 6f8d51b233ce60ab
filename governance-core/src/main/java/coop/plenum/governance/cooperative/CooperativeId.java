package coop.plenum.governance.cooperative;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a cooperative. */
public record CooperativeId(String value) {

    @JsonCreator
    public CooperativeId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a cooperative id is never blank");
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
