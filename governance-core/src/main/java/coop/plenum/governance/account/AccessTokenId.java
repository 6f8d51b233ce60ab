package coop.plenum.governance.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Names a personal access token in lists and revocations; it is not the secret. */
public record AccessTokenId(String value) {

    @JsonCreator
    public AccessTokenId {
        coop.plenum.kernel.Ids.require(value, "tokenId", "an access token id");
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
