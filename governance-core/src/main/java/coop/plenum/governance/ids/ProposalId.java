package coop.plenum.governance.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a proposal. */
public record ProposalId(String value) {

    @JsonCreator
    public ProposalId {
        coop.plenum.kernel.Ids.require(value, "proposalId", "a proposal id");
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
