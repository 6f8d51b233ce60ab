package coop.plenum.governance.notification.query;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import coop.plenum.governance.mail.OutgoingMail;
import coop.plenum.governance.mail.PublicUrl;
import coop.plenum.governance.notification.Delivery;
import coop.plenum.governance.notification.NotificationKind;
import coop.plenum.governance.notification.NotificationSentences;
import coop.plenum.governance.notification.delivery.MailText;
import coop.plenum.governance.notification.delivery.MailWords;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
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
 * The daily digest: each account with an address gets one email a day, at {@code plenum.notifications.digest-hour} in
 * the member's own time zone (UTC until they set one), listing its DIGEST entries since their previous digest. The
 * task runs at every whole UTC hour and each run serves the accounts whose digest hour it is (a zone half an hour off
 * UTC gets its digest at the first whole UTC hour after its local hour). The windows come from the run's scheduled
 * instant, not the clock, so a run made late (the node was down) covers the same entries, and each day's window starts
 * where the previous day's ended (a day with a daylight-saving change is 23 or 25 hours long: no entry is mailed twice
 * or skipped). The outbox key (account and local day) makes a second run for the same day queue nothing.
 */
@Component
public class DailyDigest {

    static final String TASK = "notification-digest";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ReactiveMongoTemplate mongo;
    private final NotificationOutbox outbox;
    private final OutgoingMail mail;
    private final PublicUrl publicUrl;
    private final UnsubscribeLinks links;
    private final int digestHour;
    private final NotificationSentences sentences;

    DailyDigest(ReactiveMongoTemplate mongo, NotificationOutbox outbox, OutgoingMail mail, PublicUrl publicUrl,
                UnsubscribeLinks links, NotificationMailProperties properties, ObjectProvider<NotificationSentences> sentences) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.links = links;
        this.digestHour = properties == null ? 7 : properties.digestHour();
        this.sentences = sentences == null ? NotificationSentences.STORED : sentences.getIfAvailable(() -> NotificationSentences.STORED);
    }

    /**
     * Queues the digests due at the whole UTC hour {@code run} (the task's scheduled instant): one for every account
     * whose local digest hour it is and that has DIGEST entries since its previous digest; how many were queued.
     */
    public int send(Instant run) {
        if (!mail.enabled()) {
            return 0;
        }
        Instant at = run.truncatedTo(ChronoUnit.HOURS);
        // a local day is at most 25 hours long, and a window ends at a whole hour up to one hour after the local hour
        Query query = Query.query(where("delivery").is(Delivery.DIGEST.name())
                        .and("createdAt").gte(at.minus(Duration.ofHours(27))).lt(at))
                .with(Sort.by("createdAt"));
        Map<String, List<NotificationDocument>> byAccount = new LinkedHashMap<>();
        for (NotificationDocument n : mongo.find(query, NotificationDocument.class).collectList().block()) {
            byAccount.computeIfAbsent(n.accountId(), a -> new java.util.ArrayList<>()).add(n);
        }
        int queued = 0;
        for (Map.Entry<String, List<NotificationDocument>> entry : byAccount.entrySet()) {
            InboxSettingsDocument settings = mongo.findById(entry.getKey(), InboxSettingsDocument.class).block();
            if (settings == null || settings.address() == null) {
                continue;
            }
            ZoneId zone = settings.zone();
            LocalDate day = dayServedBy(at, zone);
            if (day == null) {
                continue;
            }
            Instant from = runOf(day.minusDays(1), zone);
            List<NotificationDocument> items = entry.getValue().stream()
                    .filter(n -> !n.createdAt().isBefore(from)).toList();
            if (!items.isEmpty()) {
                queued += outbox.enqueue(digest(entry.getKey(), settings.address(), items, at, zone, day,
                        MailWords.of(sentences, settings.language(), zone))) ? 1 : 0;
            }
        }
        return queued;
    }

    /** The local day whose digest is due at the whole hour {@code at} in this zone, or null when none is. */
    LocalDate dayServedBy(Instant at, ZoneId zone) {
        LocalDate local = at.atZone(zone).toLocalDate();
        // the run after 23:xx local falls on the next local day
        for (LocalDate day : List.of(local, local.minusDays(1))) {
            if (runOf(day, zone).equals(at)) {
                return day;
            }
        }
        return null;
    }

    /** The whole UTC hour at which the digest of this local day goes: the digest hour there, or the first whole hour after it. */
    Instant runOf(LocalDate day, ZoneId zone) {
        Instant local = ZonedDateTime.of(day, LocalTime.of(digestHour, 0), zone).toInstant();
        Instant hour = local.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(local) ? hour : hour.plus(Duration.ofHours(1));
    }

    OutboxMail digest(String accountId, String email, List<NotificationDocument> items, Instant at) {
        ZoneId utc = ZoneOffset.UTC;
        return digest(accountId, email, items, at, utc, at.atZone(utc).toLocalDate(), MailWords.of(sentences, null, utc));
    }

    /** One account's digest, every word of it (heading, entries, unsubscribe lines, subject) in {@code words}. */
    OutboxMail digest(String accountId, String email, List<NotificationDocument> items, Instant at, ZoneId zone,
                      LocalDate day, MailWords words) {
        String until = words.dayAndTime(at) + " " + zone.getId().replace("Z", "UTC");
        String heading = words.digestHeading(until);
        StringBuilder text = new StringBuilder(heading + "\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><p>" + MailText.escape(heading) + "</p><ul>");
        Set<NotificationKind> kinds = new LinkedHashSet<>();
        for (NotificationDocument n : items) {
            String link = n.path() == null ? publicUrl.link("/notifications") : publicUrl.link(n.path());
            NotificationSentences.Sentence said = words.say(n.code(), n.params(), n.title(), n.text());
            text.append("\n* ").append(said.title()).append("\n  ").append(said.text()).append("\n  ").append(link).append('\n');
            html.append("<li><p><a href=\"").append(MailText.escape(link)).append("\">").append(MailText.escape(said.title()))
                    .append("</a></p><p>").append(MailText.escape(said.text())).append("</p></li>");
            kinds.add(NotificationKind.valueOf(n.kind()));
        }
        html.append("</ul><hr>");
        text.append("\n--\n");
        for (NotificationKind kind : kinds) {
            String unsubscribe = publicUrl.link(links.path(accountId, kind));
            text.append(words.stopKindText(kind)).append(": ").append(unsubscribe).append('\n');
            html.append("<p style=\"font-size:small\"><a href=\"").append(MailText.escape(unsubscribe)).append("\">")
                    .append(MailText.escape(words.stopKindHtml(kind))).append("</a></p>");
        }
        html.append("</body></html>");
        String subject = MailText.subject(words.digestSubject(items.size()));
        // several kinds share one digest, so there is no single one-click unsubscribe header; the body links each kind
        return new OutboxMail("digest|" + accountId + "|" + DAY.format(day), accountId, "DIGEST", email, subject,
                text.toString(), html.toString(), null);
    }

    @Configuration(proxyBeanMethods = false)
    static class TaskConfiguration {

        @Bean
        RecurringTask<Void> notificationDigestTask(NotificationMailProperties properties, ObjectProvider<DailyDigest> digest) {
            // every whole UTC hour: somewhere it is someone's digest hour
            return Tasks.recurring(TASK, Schedules.cron("0 0 * * * *", ZoneOffset.UTC))
                    .execute((instance, context) -> digest.getObject().send(context.getExecution().executionTime));
        }
    }
}
