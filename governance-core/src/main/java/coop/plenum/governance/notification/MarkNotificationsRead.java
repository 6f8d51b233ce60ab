package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Command: these notifications of the account were read ({@code all}: every one it has so far). */
public record MarkNotificationsRead(AccountId accountId, List<String> notificationIds, boolean all) {

    @TargetAggregateIdentifier
    public String inbox() {
        return InboxIds.of(accountId);
    }
}
