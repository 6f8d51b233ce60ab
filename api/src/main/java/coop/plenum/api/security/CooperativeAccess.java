package coop.plenum.api.security;

import coop.plenum.api.support.Queries;
import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.cooperative.Role;
import coop.plenum.governance.cooperative.query.CooperativeView;
import coop.plenum.governance.cooperative.query.FindCooperative;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Object-level authorization: the caller must hold one of the given roles in this cooperative. Unknown
 * cooperatives are 404; known ones the caller has no business in are 403. Being a platform operator grants
 * nothing inside a cooperative.
 */
@Component
public class CooperativeAccess {

    private final Queries queries;

    CooperativeAccess(Queries queries) {
        this.queries = queries;
    }

    public Mono<CooperativeView> requireAnyRole(String cooperativeId, PlenumUser user, Role... roles) {
        Set<Role> allowed = EnumSet.copyOf(Arrays.asList(roles));
        return queries.one(new FindCooperative(new CooperativeId(cooperativeId)), CooperativeView.class)
                .switchIfEmpty(Mono.error(() -> new NotFound("cooperative.not-found", "no cooperative '" + cooperativeId + "'")))
                .flatMap(view -> view.rolesOf(user.accountId()).stream().anyMatch(allowed::contains)
                        ? Mono.just(view)
                        : Mono.error(new NotAllowed("cooperative.forbidden",
                        "only " + allowed + " of this cooperative may do this")));
    }
}
