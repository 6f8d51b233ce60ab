package coop.plenum.governance.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Names a personal access token in lists and revocations; it is not the secret. */
public record AccessTokenId(String value) {

    @JsonCreator
    public AccessTokenId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("an access token id is 1 to 64 characters");
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
