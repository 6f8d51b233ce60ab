package coop.plenum.governance.account.query;

/** Query: every account, newest first, at most {@code limit} (the operator's list). */
public record FindAllAccounts(int limit) {
}
