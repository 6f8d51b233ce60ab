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
    /** RFC 5321's limit on a forward path. */
    public static final int MAX_EMAIL = 254;
    /**
     * Deliberately plain: one '@', no spaces, no control characters, a dot in the domain. The mail server has the last
     * word; this only keeps out what cannot be an address (and anything that could break a header line).
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z0-9-]{2,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The address as stored and compared: stripped and lowercased, so one person is not two by case. */
    public static String normalEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isEmail(String email) {
        return email != null && email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches();
    }

    static void email(String field, String email, List<Violation> violations) {
        if (!isEmail(normalEmail(email))) {
            violations.add(new Violation(field, "account.email-invalid",
                    field + " must be an address like name@example.coop (at most " + MAX_EMAIL + " characters)"));
        }
    }

    static void tokenHash(String field, String hash, List<Violation> violations) {
        if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
            violations.add(new Violation(field, "account.token-hash-invalid", "the token is stored as its SHA-256 in lowercase hex"));
        }
    }

    static void passwordHash(String hash, List<Violation> violations) {
        passwordIsStoredAsBcryptHash(hash, violations);
    }

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
