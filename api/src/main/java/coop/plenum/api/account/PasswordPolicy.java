package coop.plenum.api.account;

import coop.plenum.kernel.InvalidInput;

import java.nio.charset.StandardCharsets;

/** Checked before hashing, because only the API ever sees a password in clear. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; a longer password would silently be truncated. */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static void assertAcceptable(String password) {
        assertAcceptable("password", password);
    }

    /** As {@link #assertAcceptable(String)}, naming the request's own field (a change of password calls it {@code newPassword}). */
    public static void assertAcceptable(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInput(field, "account.password-too-short", "a password has at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInput(field, "account.password-too-long", "a password has at most " + MAX_BYTES + " bytes");
        }
    }
}
