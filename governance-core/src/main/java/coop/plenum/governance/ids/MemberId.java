package coop.plenum.governance.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one account's membership in one cooperative. */
public record MemberId(String value) {

    @JsonCreator
    public MemberId {
        coop.plenum.kernel.Ids.require(value, "memberId", "a member id");
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
