package coop.plenum.governance.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one webhook of a cooperative. */
public record WebhookId(String value) {

    @JsonCreator
    public WebhookId {
        coop.plenum.kernel.Ids.require(value, "webhookId", "a webhook id");
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
