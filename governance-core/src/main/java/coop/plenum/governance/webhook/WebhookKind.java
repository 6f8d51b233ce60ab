package coop.plenum.governance.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of delivery a webhook may ask for, each with its own documented, versioned payload (docs/integrations.md).
 * The wire name ({@code voting.opened}) is the contract; the constant's name is not.
 */
public enum WebhookKind {
    PROPOSAL_SUBMITTED("proposal.submitted"),
    VOTING_OPENED("voting.opened"),
    BALLOT_CAST("ballot.cast"),
    VOTING_CLOSED("voting.closed"),
    MEMBER_ADMITTED("member.admitted"),
    CONTRIBUTION_ACCEPTED("contribution.accepted"),
    /** Sent only by "send a test delivery", to the one webhook it was asked for; never subscribed to. */
    WEBHOOK_TEST("webhook.test");

    private final String wireName;

    WebhookKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookKind> ofWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    /** Whether a webhook may subscribe to this kind (the test kind comes to every webhook on request). */
    public boolean subscribable() {
        return this != WEBHOOK_TEST;
    }
}
