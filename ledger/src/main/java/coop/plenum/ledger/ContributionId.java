package coop.plenum.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a logged contribution. */
public record ContributionId(String value) {

    @JsonCreator
    public ContributionId {
        coop.plenum.kernel.Ids.require(value, "contributionId", "a contribution id");
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
