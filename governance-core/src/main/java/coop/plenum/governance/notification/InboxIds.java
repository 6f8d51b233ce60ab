package coop.plenum.governance.notification;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.ProposalId;

/**
 * Aggregate identifiers of the notification aggregates. The event log keys events by aggregate identifier alone, so
 * an account's inbox and a proposal's reminders get identifiers of their own, never the account's or the proposal's.
 */
public final class InboxIds {

    private InboxIds() {
    }

    public static String of(AccountId accountId) {
        return "inbox-" + accountId.value();
    }

    public static String reminders(ProposalId proposalId) {
        return "reminders-" + proposalId.value();
    }
}
