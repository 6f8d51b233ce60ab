package coop.plenum.api.notification;

import coop.plenum.governance.mail.PublicUrl;
import coop.plenum.governance.notification.NotificationView;

import java.time.Instant;

/** One notification in the API: what it says, the absolute link to the page it is about, and whether it was read. */
record NotificationJson(String id, String kind, String cooperativeId, String proposalId, String title, String text,
                        String link, Instant createdAt, boolean read) {

    static NotificationJson of(NotificationView v, PublicUrl url) {
        return new NotificationJson(v.id(), v.kind().name(), v.cooperativeId(), v.proposalId(), v.title(), v.text(),
                v.path() == null ? null : url.link(v.path()), v.createdAt(), v.read());
    }
}
