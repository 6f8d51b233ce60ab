package coop.plenum.governance.cooperative.query;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.cooperative.Role;
import coop.plenum.governance.membership.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The cooperative read model: charter, members with class and status, granted roles. Idempotent: a founding
 * replaces the whole document keyed by the cooperative id, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup("readmodel-cooperatives")
class CooperativeProjection {

    private final ReactiveMongoTemplate mongo;

    CooperativeProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CooperativeFounded event) {
        List<CooperativeDocument.Seat> seats = event.founders().stream()
                .map(f -> new CooperativeDocument.Seat(f.memberId().value(), f.accountId().value(), f.classId(),
                        MemberStatus.ACTIVE, event.foundedAt()))
                .toList();
        List<CooperativeDocument.RoleGrant> roles = List.of(
                new CooperativeDocument.RoleGrant(event.secretaryAccountId().value(), List.of(Role.SECRETARY)));
        mongo.save(new CooperativeDocument(event.cooperativeId().value(), event.name(), event.charter(),
                event.foundedAt(), seats, roles)).block();
    }

    @QueryHandler
    CompletableFuture<CooperativeView> handle(FindCooperative query) {
        return mongo.findById(query.cooperativeId().value(), CooperativeDocument.class)
                .map(CooperativeProjection::view).toFuture();
    }

    @QueryHandler
    CompletableFuture<List<CooperativeSummary>> handle(FindCooperativesOf query) {
        String account = query.accountId().value();
        Query involving = Query.query(new Criteria().orOperator(
                Criteria.where("seats.accountId").is(account), Criteria.where("roles.accountId").is(account)));
        return mongo.find(involving, CooperativeDocument.class)
                .map(CooperativeProjection::view)
                .map(view -> new CooperativeSummary(view.cooperativeId(), view.name(), view.foundedAt(),
                        view.members().stream().filter(SeatView::holdsMembership).count(), view.rolesOf(query.accountId())))
                .filter(summary -> !summary.myRoles().isEmpty())
                .sort(Comparator.comparing(CooperativeSummary::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(s -> s.cooperativeId().value()))
                .collectList().toFuture();
    }

    private static CooperativeView view(CooperativeDocument d) {
        List<SeatView> members = d.seats().stream()
                .map(s -> new SeatView(new MemberId(s.memberId()), new AccountId(s.accountId()), s.classId(), s.status(), s.since()))
                .toList();
        Map<AccountId, Set<Role>> roles = new LinkedHashMap<>();
        d.roles().forEach(g -> roles.put(new AccountId(g.accountId()),
                g.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(g.roles())));
        return new CooperativeView(new CooperativeId(d.id()), d.name(), d.charter(), d.foundedAt(), members, roles);
    }
}
