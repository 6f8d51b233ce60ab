package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Command: send this account's notification emails to {@code email} (blank: send none). */
public record SetNotificationAddress(AccountId accountId, String email) {

    @TargetAggregateIdentifier
    public String inbox() {
        return InboxIds.of(accountId);
    }
}
