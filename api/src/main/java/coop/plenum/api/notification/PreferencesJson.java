package coop.plenum.api.notification;

import java.util.Map;

/**
 * An account's notification settings: {@code email} the address for notification emails ("" for none; absent or null
 * in a PUT: unchanged) and {@code preferences} a delivery (OFF, IN_APP, EMAIL, DIGEST) per kind (kinds absent in a PUT:
 * unchanged).
 */
record PreferencesJson(String email, Map<String, String> preferences) {
}
