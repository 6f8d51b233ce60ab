package coop.plenum.governance.account;

import coop.plenum.kernel.Texts;
import coop.plenum.kernel.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an account must look like. Stateless, so the API checks it before anything is looked up and the account's
 * handler checks it again before the username registry (PostgreSQL) is asked.
 */
public final class AccountInputRules {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    public static final int MAX_DISPLAY_NAME = 100;

    private AccountInputRules() {
    }

    public static List<Violation> account(CreateAccount command) {
        List<Violation> violations = new ArrayList<>();
        usernameIsLowercaseAndShort(command.username(), violations);
        displayNameIsPresentAndShort(command.displayName(), violations);
        passwordIsStoredAsBcryptHash(command.passwordHash(), violations);
        return violations;
    }

    private static void usernameIsLowercaseAndShort(String username, List<Violation> violations) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            violations.add(new Violation("username", "account.username-invalid",
                    "username must be 3 to 32 characters: lowercase letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
    }

    private static void displayNameIsPresentAndShort(String displayName, List<Violation> violations) {
        Texts.required("displayName", displayName, MAX_DISPLAY_NAME, Texts.Lines.ONE, "account.display-name-invalid",
                "displayName must be 1 to " + MAX_DISPLAY_NAME + " characters", violations);
    }

    private static void passwordIsStoredAsBcryptHash(String hash, List<Violation> violations) {
        if (hash == null || !hash.startsWith("$2")) {
            violations.add(new Violation("password", "account.password-hash-missing",
                    "the password must be hashed with bcrypt before it is sent"));
        }
    }
}
