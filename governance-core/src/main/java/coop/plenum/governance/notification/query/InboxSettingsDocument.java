package coop.plenum.governance.notification.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Map;

/**
 * An account's notification settings as the log has them so far: the separate notification address the member set
 * ({@code email}, null when none), the account's own address ({@code accountEmail}, from the invitation it joined
 * through or a later change), its IANA time zone (null: UTC), its language (null: English; its mail is written in it)
 * and its preferences by kind (kinds absent: the kind's default).
 */
@Document("notification_settings")
record InboxSettingsDocument(@Id String accountId, String email, Map<String, String> preferences, String accountEmail,
                             String timeZone, String language) {

    static InboxSettingsDocument none(String accountId) {
        return new InboxSettingsDocument(accountId, null, Map.of(), null, null, null);
    }

    /** Where notification email goes: the separate notification address if the member set one, else the account's. */
    String address() {
        return email != null ? email : accountEmail;
    }

    /** The zone the member's day is counted in: their own, else UTC. */
    java.time.ZoneId zone() {
        return timeZone == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(timeZone);
    }

    InboxSettingsDocument withPreferences(Map<String, String> changed) {
        return new InboxSettingsDocument(accountId, email, changed, accountEmail, timeZone, language);
    }

    InboxSettingsDocument withEmail(String changed) {
        return new InboxSettingsDocument(accountId, changed, preferences, accountEmail, timeZone, language);
    }

    InboxSettingsDocument withAccountEmail(String changed) {
        return new InboxSettingsDocument(accountId, email, preferences, changed, timeZone, language);
    }

    /** The profile's time zone and language, set together. */
    InboxSettingsDocument withProfile(String changedZone, String changedLanguage) {
        return new InboxSettingsDocument(accountId, email, preferences, accountEmail, changedZone, changedLanguage);
    }
}
