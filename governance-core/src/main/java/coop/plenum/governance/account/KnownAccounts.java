package coop.plenum.governance.account;

/** Strongly consistent answer to "does this account exist?", for command handlers that refer to accounts. */
public interface KnownAccounts {
    boolean exists(AccountId accountId);
}
