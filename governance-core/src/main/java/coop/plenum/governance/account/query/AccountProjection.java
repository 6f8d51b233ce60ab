package coop.plenum.governance.account.query;

import coop.plenum.governance.account.AccountCreated;
import coop.plenum.governance.account.AccountEmailChanged;
import coop.plenum.governance.account.AccountProfileChanged;
import org.springframework.data.mongodb.core.query.Update;
import coop.plenum.governance.account.AccountId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The account directory read model: id, username, display name. Idempotent: documents are keyed by account id. */
@Component
@ProcessingGroup("readmodel-accounts")
class AccountProjection {

    private final ReactiveMongoTemplate mongo;

    AccountProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection("accounts").block();
    }

    @EventHandler
    void on(AccountCreated event) {
        mongo.save(new AccountDocument(event.accountId().value(), event.username(), event.displayName(),
                event.operator(), event.createdAt(), null, null, null)).block();
    }

    @EventHandler
    void on(AccountProfileChanged event) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.accountId().value())), new Update()
                .set("displayName", event.displayName()).set("timeZone", event.timeZone()).set("language", event.language()),
                AccountDocument.class).block();
    }

    @EventHandler
    void on(AccountEmailChanged event) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.accountId().value())), new Update().set("email", event.email()),
                AccountDocument.class).block();
    }

    @QueryHandler
    CompletableFuture<AccountView> handle(FindAccount query) {
        return mongo.findById(query.accountId().value(), AccountDocument.class).map(AccountProjection::view).toFuture();
    }

    @QueryHandler
    CompletableFuture<List<AccountView>> handle(FindAccounts query) {
        List<String> ids = query.accountIds().stream().map(AccountId::value).distinct().toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), AccountDocument.class)
                .map(AccountProjection::view).collectList().toFuture();
    }

    @QueryHandler
    CompletableFuture<List<AccountView>> handle(FindAllAccounts query) {
        Query newestFirst = new Query().with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "createdAt"))
                .limit(Math.max(1, Math.min(query.limit(), 5_000)));
        return mongo.find(newestFirst, AccountDocument.class).map(AccountProjection::view).collectList().toFuture();
    }

    private static AccountView view(AccountDocument d) {
        return new AccountView(new AccountId(d.id()), d.username(), d.displayName(), d.operator(), d.createdAt(),
                d.timeZone(), d.language(), d.email());
    }
}
