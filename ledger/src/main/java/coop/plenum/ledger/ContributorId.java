package coop.plenum.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a contributor (the same value as the member id in governance). */
public record ContributorId(String value) {

    @JsonCreator
    public ContributorId {
        coop.plenum.kernel.Ids.require(value, "contributorId", "a contributor id");
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
