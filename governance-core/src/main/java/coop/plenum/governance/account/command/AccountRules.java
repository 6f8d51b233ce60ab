package coop.plenum.governance.account.command;

import coop.plenum.governance.account.CreateAccount;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

final class AccountRules {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    static final int MAX_DISPLAY_NAME = 100;

    private AccountRules() {
    }

    static void assertValid(CreateAccount command) {
        List<Violation> violations = new ArrayList<>();
        usernameIsLowercaseAndShort(command.username(), violations);
        displayNameIsPresentAndShort(command.displayName(), violations);
        passwordIsStoredAsBcryptHash(command.passwordHash(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    private static void usernameIsLowercaseAndShort(String username, List<Violation> violations) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            violations.add(new Violation("username", "account.username-invalid",
                    "username must be 3 to 32 characters: lowercase letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
    }

    private static void displayNameIsPresentAndShort(String displayName, List<Violation> violations) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > MAX_DISPLAY_NAME) {
            violations.add(new Violation("displayName", "account.display-name-invalid",
                    "displayName must be 1 to " + MAX_DISPLAY_NAME + " characters"));
        }
    }

    private static void passwordIsStoredAsBcryptHash(String hash, List<Violation> violations) {
        if (hash == null || !hash.startsWith("$2")) {
            violations.add(new Violation("password", "account.password-hash-missing",
                    "the password must be hashed with bcrypt before it is sent"));
        }
    }
}
