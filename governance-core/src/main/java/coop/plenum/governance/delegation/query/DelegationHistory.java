package coop.plenum.governance.delegation.query;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.DelegationTimeline;
import coop.plenum.governance.voting.Delegations;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * SPEC "Time, and as of": a cooperative's delegations as they stood at an instant, from every change with a
 * timestamp at or before it, applied in log order, whatever order they were delivered in.
 */
@Component
public class DelegationHistory {

    private final ReactiveMongoTemplate mongo;

    DelegationHistory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One delegation ({@code delegateId} set) or revocation, with its position among the cooperative's ({@code DelegationStreams.position}). */
    public record Change(long sequence, MemberId memberId, String scope, MemberId delegateId) {
    }

    /** Every change after {@code sequence} (-1: all), in log order. */
    public reactor.core.publisher.Flux<Change> changesAfter(CooperativeId cooperativeId, long sequence) {
        Query after = Query.query(where("cooperativeId").is(cooperativeId.value()).and("sequence").gt(sequence))
                .with(Sort.by("sequence"));
        return mongo.find(after, DelegationChangeDocument.class)
                .map(c -> new Change(c.sequence(), new MemberId(c.memberId()), c.scope(),
                        c.delegateId() == null ? null : new MemberId(c.delegateId())));
    }

    public Mono<Delegations> asOf(CooperativeId cooperativeId, Instant instant) {
        Query changesUntil = Query.query(where("cooperativeId").is(cooperativeId.value()).and("at").lte(instant))
                .with(Sort.by("sequence"));
        return mongo.find(changesUntil, DelegationChangeDocument.class)
                .map(c -> new DelegationTimeline.Change(c.at(), new MemberId(c.memberId()), c.scope(),
                        c.delegateId() == null ? null : new MemberId(c.delegateId())))
                .collectList()
                .map(changes -> DelegationTimeline.asOf(changes, instant));
    }
}
