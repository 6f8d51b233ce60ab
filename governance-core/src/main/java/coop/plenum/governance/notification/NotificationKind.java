package coop.plenum.governance.notification;

/**
 * What a notification is about; each kind has its own preference per member. Defaults: what needs the member's
 * action before a vote closes goes by email, the rest to the inbox only.
 */
public enum NotificationKind {
    VOTE_OPENED(Delivery.EMAIL, "A vote opened"),
    CLOSING_SOON(Delivery.EMAIL, "A vote closes in 24 hours and you have not voted"),
    QUORUM_SHORT(Delivery.EMAIL, "Your class is short of quorum"),
    VOTE_REMINDER(Delivery.EMAIL, "A secretary's reminder to vote"),
    DELEGATE_VOTED(Delivery.EMAIL, "Your delegate voted for you"),
    DECISION_MADE(Delivery.IN_APP, "A decision was made"),
    COMMENT(Delivery.IN_APP, "A comment on a proposal you wrote or voted on"),
    MEMBERSHIP(Delivery.EMAIL, "You were admitted, suspended or given a role"),
    DELEGATION(Delivery.IN_APP, "Someone delegated to you or stopped"),
    EVALUATION_AWAITED(Delivery.IN_APP, "A contribution awaits your evaluation"),
    REVENUE_ALLOCATED(Delivery.EMAIL, "Revenue was allocated to you");

    private final Delivery defaultDelivery;
    private final String label;

    NotificationKind(Delivery defaultDelivery, String label) {
        this.defaultDelivery = defaultDelivery;
        this.label = label;
    }

    public Delivery defaultDelivery() {
        return defaultDelivery;
    }

    public String label() {
        return label;
    }
}
