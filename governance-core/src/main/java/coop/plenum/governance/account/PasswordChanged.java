package coop.plenum.governance.account;

import java.time.Instant;

/**
 * A fact: the account's password is now the one with this bcrypt hash; {@code how} is CHANGED (by its signed-in owner)
 * or RESET (through a mailed link). Sign-ins with the old password fail from this event on.
 */
public record PasswordChanged(AccountId accountId, String passwordHash, How how, Instant changedAt) {

    public enum How {
        CHANGED, RESET
    }
}
