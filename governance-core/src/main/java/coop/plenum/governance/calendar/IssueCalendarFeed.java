package coop.plenum.governance.calendar;

import coop.plenum.governance.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give the account a (new) private calendar feed URL; an earlier one stops working. Only the SHA-256 of the URL's
 * random token travels here: the API shows the URL once and forgets it.
 */
public record IssueCalendarFeed(@TargetAggregateIdentifier String feedId, AccountId accountId, String tokenHash) {

    /** One feed per account, in a stream of its own (aggregate ids share one namespace in the log). */
    public static String feedIdOf(AccountId accountId) {
        return "calendar-" + accountId.value();
    }
}
