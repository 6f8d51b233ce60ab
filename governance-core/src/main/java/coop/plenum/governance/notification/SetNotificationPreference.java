package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command: how this account wants notifications of one kind delivered. */
public record SetNotificationPreference(AccountId accountId, NotificationKind kind, Delivery delivery) {

    @TargetAggregateIdentifier
    public String inbox() {
        return InboxIds.of(accountId);
    }
}
