package coop.plenum.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a logged contribution. */
public record ContributionId(String value) {

    @JsonCreator
    public ContributionId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a ContributionId is never blank");
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
