package coop.plenum.governance.invitation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one invitation to one email address; resending keeps the id and replaces the token. */
public record InvitationId(String value) {

    @JsonCreator
    public InvitationId {
        coop.plenum.kernel.Ids.require(value, "invitationId", "an invitation id");
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
