package coop.plenum.governance.notification;

/** How a member wants one kind of notification: not at all, in the inbox only, also by email, or in a daily digest email. */
public enum Delivery {
    OFF,
    IN_APP,
    EMAIL,
    DIGEST;

    /** Whether the inbox shows it (every delivery but OFF). */
    public boolean inInbox() {
        return this != OFF;
    }
}
