package coop.plenum.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a recorded revenue. */
public record RevenueId(String value) {

    @JsonCreator
    public RevenueId {
        coop.plenum.kernel.Ids.require(value, "revenueId", "a revenue id");
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
