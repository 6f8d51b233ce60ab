package coop.plenum.governance.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a cooperative. */
public record CooperativeId(String value) {

    @JsonCreator
    public CooperativeId {
        coop.plenum.kernel.Ids.require(value, "cooperativeId", "a cooperative id");
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
