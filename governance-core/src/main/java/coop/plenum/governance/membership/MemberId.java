package coop.plenum.governance.membership;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one account's membership in one cooperative. */
public record MemberId(String value) {

    @JsonCreator
    public MemberId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a member id is never blank");
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
