package coop.plenum.governance.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a person's login across all cooperatives. */
public record AccountId(String value) {

    @JsonCreator
    public AccountId {
        coop.plenum.kernel.Ids.require(value, "accountId", "an account id");
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
