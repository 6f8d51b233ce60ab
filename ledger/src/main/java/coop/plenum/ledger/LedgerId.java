package coop.plenum.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a cooperative's ledger. Derived from the cooperative's id with a prefix of its own: aggregate ids
 * share one namespace in the event log, so the ledger may not reuse the cooperative's stream.
 */
public record LedgerId(String value) {

    @JsonCreator
    public LedgerId {
        // the cooperative's id after the prefix is what has to be a well-formed id
        coop.plenum.kernel.Ids.require(value != null && value.startsWith("ledger-") ? value.substring("ledger-".length()) : value,
                "ledgerId", "a ledger id");
    }

    public static LedgerId ofCooperative(String cooperativeId) {
        return new LedgerId("ledger-" + cooperativeId);
    }

    /** The cooperative this ledger is named after (see {@link #ofCooperative}), or null for a ledger not named so. */
    public String cooperativeId() {
        return value.startsWith("ledger-") ? value.substring("ledger-".length()) : null;
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
