package coop.plenum.governance.notification.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.notification.MarkNotificationsRead;
import coop.plenum.governance.notification.SetNotificationPreference;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.Texts;

import java.util.regex.Pattern;

/** The rules an inbox is changed under, each named after what it protects. */
final class InboxRules {

    static final int MAX_ADDRESS = 254;
    static final int MAX_IDS = 100;
    static final int MAX_ID = 300;
    /** One address, no display name, no spaces or angle brackets: what goes in a To header and nothing more. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;.]+");

    private InboxRules() {
    }

    static void onlyTheOwner(AccountId owner, String actor) {
        if (owner == null || !owner.value().equals(actor)) {
            throw new NotAllowed("notification.owner-only", "only the account's owner changes its notifications");
        }
    }

    static void assertValid(SetNotificationPreference command) {
        if (command.kind() == null) {
            throw new InvalidInput("kind", "notification.kind-invalid", "kind names a notification kind");
        }
        if (command.delivery() == null) {
            throw new InvalidInput("delivery", "notification.delivery-invalid", "delivery is OFF, IN_APP, EMAIL or DIGEST");
        }
    }

    static void assertValid(MarkNotificationsRead command) {
        if (command.all()) {
            return;
        }
        var ids = command.notificationIds();
        if (ids == null || ids.isEmpty() || ids.size() > MAX_IDS
                || ids.stream().anyMatch(id -> id == null || id.isBlank() || id.length() > MAX_ID
                        || !Texts.isStorable(id, Texts.Lines.ONE))) {
            throw new InvalidInput("notificationIds", "notification.ids-invalid",
                    "notificationIds lists 1 to " + MAX_IDS + " notification ids");
        }
    }

    /** A plain address kept as typed (trimmed), or null for "no email"; anything else refused naming {@code email}. */
    static String addressOrNone(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String address = email.strip();
        if (address.length() > MAX_ADDRESS || !ADDRESS.matcher(address).matches()
                || !Texts.isStorable(address, Texts.Lines.ONE)) {
            throw new InvalidInput("email", "notification.email-invalid", "email is one address like name@example.org");
        }
        return address;
    }
}
