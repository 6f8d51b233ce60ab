package coop.plenum.governance.proposal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a proposal. */
public record ProposalId(String value) {

    @JsonCreator
    public ProposalId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a proposal id is never blank");
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
