package coop.plenum.governance.notification.query;

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
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts one notification in one inbox, as the recipient's preference for its kind says, and queues its email when
 * that preference is EMAIL. The notification's key is the causing event's identifier, the recipient and the kind:
 * an event handled twice (redelivered after a crash, or replayed) finds it there and writes nothing.
 * <p>
 * Mail is queued only for an event met live: never while the processor replays (a rebuild), and never for an event
 * older than {@code plenum.notifications.freshness} (a lost MongoDB replays the whole log from scratch, which Axon does
 * not call a replay). The outbox in PostgreSQL is keyed the same way, so an event met live twice mails once.
 */
@Component
class Notifier {

    private final ReactiveMongoTemplate mongo;
    private final NotificationOutbox outbox;
    private final OutgoingMail mail;
    private final PublicUrl publicUrl;
    private final UnsubscribeLinks links;
    private final NotificationMailProperties properties;
    private final Clock clock;
    private final NotificationSentences sentences;

    Notifier(ReactiveMongoTemplate mongo, NotificationOutbox outbox, OutgoingMail mail, PublicUrl publicUrl,
             UnsubscribeLinks links, NotificationMailProperties properties, Clock clock,
             ObjectProvider<NotificationSentences> sentences) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
        this.sentences = sentences.getIfAvailable(() -> NotificationSentences.STORED);
    }

    /**
     * What to say: to whom, of which kind, about what, and the page it links to; {@code code} and {@code params}
     * name the same sentence for pages in other languages (null when a note has none).
     */
    record Note(String accountId, NotificationKind kind, String cooperativeId, String proposalId, String title,
                String text, String path, String code, List<String> params) {

        Note(String accountId, NotificationKind kind, String cooperativeId, String proposalId, String title, String text,
             String path) {
            this(accountId, kind, cooperativeId, proposalId, title, text, path, null, null);
        }

        /** The same note, with the code and parameters a page says it by. */
        Note saying(String code, String... params) {
            return new Note(accountId, kind, cooperativeId, proposalId, title, text, path, code,
                    java.util.Arrays.stream(params).map(p -> p == null ? "" : p).toList());
        }
    }

    void send(EventMessage<?> event, ReplayStatus replay, Note note) {
        send(event, replay, List.of(note));
    }

    /**
     * The notes one event causes, at a cost of three queries however many recipients: their settings in one, the
     * entries already there (the event handled before) in another, and the new entries inserted in one batch.
     */
    void send(EventMessage<?> event, ReplayStatus replay, List<Note> notes) {
        if (notes.isEmpty()) {
            return;
        }
        Map<String, InboxSettingsDocument> settings = new HashMap<>();
        mongo.find(Query.query(where("_id").in(notes.stream().map(Note::accountId).distinct().toList())),
                InboxSettingsDocument.class).doOnNext(found -> settings.put(found.accountId(), found)).blockLast();
        Map<String, NotificationDocument> entries = new LinkedHashMap<>();
        List<OutboxMail> mails = new ArrayList<>();
        boolean mayMail = mayMail(event, replay);
        for (Note note : notes) {
            InboxSettingsDocument mine = settings.get(note.accountId());
            Delivery delivery = deliveryOf(mine, note.kind());
            if (!delivery.inInbox()) {
                continue;
            }
            String key = NotificationDocument.key(event.getIdentifier(), note.accountId(), note.kind().name());
            if (entries.containsKey(key)) {
                continue;
            }
            entries.put(key, new NotificationDocument(key, note.accountId(), note.kind().name(), note.cooperativeId(),
                    note.proposalId(), note.title(), note.text(), note.path(), event.getTimestamp(), false,
                    delivery.name(), false, note.code(), note.params()));
            if (delivery == Delivery.EMAIL && mine != null && mine.address() != null && mayMail) {
                String link = publicUrl.link(note.path());
                String unsubscribe = publicUrl.link(links.path(note.accountId(), note.kind()));
                // the inbox keeps the stored English (a page says it in its reader's language); the mail is said once
                MailWords words = MailWords.of(sentences, mine.language(), mine.zone());
                NotificationSentences.Sentence said = words.say(note.code(), note.params(), note.title(), note.text());
                mails.add(new OutboxMail(key, note.accountId(), note.kind().name(), mine.address(),
                        MailText.subject(said.title()), MailText.text(said.text(), link, unsubscribe, words.stop()),
                        MailText.html(said.text(), link, unsubscribe, words.stop()), unsubscribe));
            }
        }
        if (!entries.isEmpty()) {
            // an entry already there keeps its state (read, digested)
            mongo.find(Query.query(where("_id").in(entries.keySet())), NotificationDocument.class)
                    .doOnNext(there -> entries.remove(there.id())).blockLast();
            if (!entries.isEmpty()) {
                mongo.insertAll(entries.values()).blockLast();
            }
        }
        outbox.enqueueAll(mails);
    }

    boolean mayMail(EventMessage<?> event, ReplayStatus replay) {
        if (!mail.enabled() || (replay != null && replay.isReplay())) {
            return false;
        }
        Instant oldest = clock.instant().minus(properties.freshness());
        return !event.getTimestamp().isBefore(oldest);
    }

    static Delivery deliveryOf(InboxSettingsDocument settings, NotificationKind kind) {
        if (settings == null || settings.preferences() == null || !settings.preferences().containsKey(kind.name())) {
            return kind.defaultDelivery();
        }
        return Delivery.valueOf(settings.preferences().get(kind.name()));
    }
}
