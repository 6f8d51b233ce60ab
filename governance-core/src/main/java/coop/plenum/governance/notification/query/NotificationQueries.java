package coop.plenum.governance.notification.query;

import coop.plenum.governance.notification.CountUnreadNotifications;
import coop.plenum.governance.notification.Delivery;
import coop.plenum.governance.notification.FindNotificationSettings;
import coop.plenum.governance.notification.FindNotifications;
import coop.plenum.governance.notification.NotificationKind;
import coop.plenum.governance.notification.NotificationSettingsView;
import coop.plenum.governance.notification.NotificationView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** An account's inbox, its unread count and its settings, as the notification processor left them. */
@Component
class NotificationQueries {

    private final ReactiveMongoTemplate mongo;

    NotificationQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    CompletableFuture<List<NotificationView>> handle(FindNotifications query) {
        Query q = Query.query(where("accountId").is(query.accountId().value()))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .skip(query.offset()).limit(query.limit());
        return mongo.find(q, NotificationDocument.class)
                .map(d -> new NotificationView(d.id(), NotificationKind.valueOf(d.kind()), d.cooperativeId(), d.proposalId(),
                        d.title(), d.text(), d.path(), d.createdAt(), d.read(), d.code(), d.params()))
                .collectList().toFuture();
    }

    @QueryHandler
    CompletableFuture<Long> handle(CountUnreadNotifications query) {
        return mongo.count(Query.query(where("accountId").is(query.accountId().value()).and("read").is(false)),
                NotificationDocument.class).toFuture();
    }

    @QueryHandler
    CompletableFuture<NotificationSettingsView> handle(FindNotificationSettings query) {
        return mongo.findById(query.accountId().value(), InboxSettingsDocument.class)
                .map(s -> view(s.email(), s))
                .defaultIfEmpty(view(null, null))
                .toFuture();
    }

    private static NotificationSettingsView view(String email, InboxSettingsDocument settings) {
        Map<NotificationKind, Delivery> preferences = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            preferences.put(kind, Notifier.deliveryOf(settings, kind));
        }
        return new NotificationSettingsView(email, preferences);
    }
}
