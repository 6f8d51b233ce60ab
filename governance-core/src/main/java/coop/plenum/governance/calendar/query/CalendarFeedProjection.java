package coop.plenum.governance.calendar.query;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.calendar.CalendarFeedIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/**
 * One document per account holding the hash of its current feed token; a regeneration overwrites it, so the old
 * URL finds nothing. Keyed by account and written in the account's order: handling an event again changes nothing.
 */
@Component
@ProcessingGroup("readmodel-calendar-feeds")
class CalendarFeedProjection {

    private final ReactiveMongoTemplate mongo;

    CalendarFeedProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection(CalendarFeedDocument.class).block();
    }

    @EventHandler
    void on(CalendarFeedIssued event) {
        mongo.save(new CalendarFeedDocument(event.accountId().value(), event.tokenHash(), event.issuedAt())).block();
    }

    @QueryHandler
    CompletableFuture<AccountId> handle(FindCalendarFeedOwner query) {
        return mongo.findOne(Query.query(Criteria.where("tokenHash").is(query.tokenHash())), CalendarFeedDocument.class)
                .map(d -> new AccountId(d.id())).toFuture();
    }
}
