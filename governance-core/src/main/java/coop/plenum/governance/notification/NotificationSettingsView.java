package coop.plenum.governance.notification;

import java.util.Map;

/** An account's notification address (null: none) and how it wants each kind delivered. */
public record NotificationSettingsView(String email, Map<NotificationKind, Delivery> preferences) {
}
