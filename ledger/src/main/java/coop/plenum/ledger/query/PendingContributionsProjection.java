package coop.plenum.ledger.query;

import coop.plenum.ledger.ContributionAccepted;
import coop.plenum.ledger.ContributionLogged;
import coop.plenum.ledger.ContributionRejected;
import coop.plenum.ledger.ContributionStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Which contributions of a ledger still wait for verdicts, for the members' "evaluations waiting for you" (issue 14):
 * one small document per ledger, so a home page reads the pending contributions by id instead of every contribution
 * the ledger ever had. Its own processing group, so an existing log fills it from the start. Idempotent: a logged
 * contribution is added to a set, a decided one pulled from it; a redelivered event changes nothing.
 */
@Component
@ProcessingGroup("readmodel-ledger-pending")
class PendingContributionsProjection {

    private final ReactiveMongoTemplate mongo;

    PendingContributionsProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @ResetHandler
    void dropBeforeReplay() {
        mongo.dropCollection(PendingContributionsDocument.class).block();
    }

    @EventHandler
    void on(ContributionLogged e) {
        mongo.upsert(Query.query(where("_id").is(e.ledgerId().value())),
                new Update().addToSet("contributionIds", e.contributionId().value()), PendingContributionsDocument.class).block();
    }

    @EventHandler
    void on(ContributionAccepted e) {
        decided(e.ledgerId().value(), e.contributionId().value());
    }

    @EventHandler
    void on(ContributionRejected e) {
        decided(e.ledgerId().value(), e.contributionId().value());
    }

    private void decided(String ledgerId, String contributionId) {
        mongo.updateFirst(Query.query(where("_id").is(ledgerId)), new Update().pull("contributionIds", contributionId),
                PendingContributionsDocument.class).block();
    }

    /**
     * The pending contributions as the open book shows them. The open book is another processing group and may be a
     * moment ahead or behind: a contribution it does not know yet is left out, one it already knows as decided too.
     */
    @QueryHandler
    CompletableFuture<List<ContributionView>> handle(FindPendingContributions query) {
        return mongo.findById(query.ledgerId().value(), PendingContributionsDocument.class)
                .flatMap(pending -> pending.contributionIds() == null || pending.contributionIds().isEmpty()
                        ? Mono.just(List.<ContributionView>of())
                        : mongo.find(Query.query(where("_id").in(pending.contributionIds())), ContributionDocument.class,
                                        LedgerProjection.CONTRIBUTIONS)
                                .map(LedgerProjection::view)
                                .filter(c -> c.status() == ContributionStatus.PENDING)
                                .sort(Comparator.comparing(ContributionView::loggedAt)
                                        .thenComparing(c -> c.contributionId().value()))
                                .collectList())
                .defaultIfEmpty(List.of())
                .toFuture();
    }
}
