package coop.plenum.governance.notification.query;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import coop.plenum.governance.mail.OutgoingMail;
import coop.plenum.governance.mail.PublicUrl;
import coop.plenum.governance.notification.Delivery;
import coop.plenum.governance.notification.NotificationKind;
import coop.plenum.governance.notification.delivery.MailText;
import coop.plenum.governance.notification.delivery.NotificationMailProperties;
import coop.plenum.governance.notification.delivery.NotificationOutbox;
import coop.plenum.governance.notification.delivery.OutboxMail;
import coop.plenum.governance.notification.delivery.UnsubscribeLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The daily digest: once a day at {@code plenum.notifications.digest-hour} (UTC), each account with an address gets
 * one email listing its DIGEST entries of the 24 hours before that instant. The window comes from the task's scheduled
 * instant, not the clock, so a run made late (the node was down) covers the same day; the outbox key (account and
 * day) makes a second run of the same day queue nothing.
 */
@Component
class DailyDigest {

    static final String TASK = "notification-digest";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ReactiveMongoTemplate mongo;
    private final NotificationOutbox outbox;
    private final OutgoingMail mail;
    private final PublicUrl publicUrl;
    private final UnsubscribeLinks links;

    DailyDigest(ReactiveMongoTemplate mongo, NotificationOutbox outbox, OutgoingMail mail, PublicUrl publicUrl,
                UnsubscribeLinks links) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.links = links;
    }

    /** Queues the digest of the day ending at {@code at} for every account that has one; how many were queued. */
    int send(Instant at) {
        if (!mail.enabled()) {
            return 0;
        }
        Query query = Query.query(where("delivery").is(Delivery.DIGEST.name())
                        .and("createdAt").gte(at.minus(Duration.ofDays(1))).lt(at))
                .with(Sort.by("createdAt"));
        Map<String, List<NotificationDocument>> byAccount = new LinkedHashMap<>();
        for (NotificationDocument n : mongo.find(query, NotificationDocument.class).collectList().block()) {
            byAccount.computeIfAbsent(n.accountId(), a -> new java.util.ArrayList<>()).add(n);
        }
        int queued = 0;
        for (Map.Entry<String, List<NotificationDocument>> entry : byAccount.entrySet()) {
            InboxSettingsDocument settings = mongo.findById(entry.getKey(), InboxSettingsDocument.class).block();
            if (settings == null || settings.email() == null) {
                continue;
            }
            queued += outbox.enqueue(digest(entry.getKey(), settings.email(), entry.getValue(), at)) ? 1 : 0;
        }
        return queued;
    }

    OutboxMail digest(String accountId, String email, List<NotificationDocument> items, Instant at) {
        StringBuilder text = new StringBuilder("Your Plenum digest for the day to " + WHEN.format(at) + ":\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><p>Your Plenum digest for the day to "
                + MailText.escape(WHEN.format(at)) + ":</p><ul>");
        Set<NotificationKind> kinds = new LinkedHashSet<>();
        for (NotificationDocument n : items) {
            String link = n.path() == null ? publicUrl.link("/notifications") : publicUrl.link(n.path());
            text.append("\n* ").append(n.title()).append("\n  ").append(n.text()).append("\n  ").append(link).append('\n');
            html.append("<li><p><a href=\"").append(MailText.escape(link)).append("\">").append(MailText.escape(n.title()))
                    .append("</a></p><p>").append(MailText.escape(n.text())).append("</p></li>");
            kinds.add(NotificationKind.valueOf(n.kind()));
        }
        html.append("</ul><hr>");
        text.append("\n--\n");
        for (NotificationKind kind : kinds) {
            String unsubscribe = publicUrl.link(links.path(accountId, kind));
            text.append("Stop \"").append(kind.label()).append("\": ").append(unsubscribe).append('\n');
            html.append("<p style=\"font-size:small\"><a href=\"").append(MailText.escape(unsubscribe)).append("\">Stop “")
                    .append(MailText.escape(kind.label())).append("”</a></p>");
        }
        html.append("</body></html>");
        String subject = items.size() == 1 ? "Your Plenum digest: 1 notification" : "Your Plenum digest: " + items.size() + " notifications";
        // several kinds share one digest, so there is no single one-click unsubscribe header; the body links each kind
        return new OutboxMail("digest|" + accountId + "|" + DAY.format(at), accountId, "DIGEST", email, subject,
                text.toString(), html.toString(), null);
    }

    @Configuration(proxyBeanMethods = false)
    static class TaskConfiguration {

        @Bean
        RecurringTask<Void> notificationDigestTask(NotificationMailProperties properties, ObjectProvider<DailyDigest> digest) {
            return Tasks.recurring(TASK, Schedules.daily(ZoneOffset.UTC, LocalTime.of(properties.digestHour(), 0)))
                    .execute((instance, context) -> digest.getObject().send(context.getExecution().executionTime));
        }
    }
}
