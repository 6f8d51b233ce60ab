package coop.plenum.api.security;

import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.cooperative.query.CooperativeView;
import coop.plenum.governance.cooperative.query.FindCooperative;
import coop.plenum.governance.membership.query.AccessView;
import coop.plenum.governance.membership.query.FindAccess;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Object-level authorization for reads: the caller must hold one of the given roles in this cooperative.
 * Unknown cooperatives are 404; known ones the caller has no business in are 403. Being a platform operator
 * grants nothing inside a cooperative. (Commands are authorized by the aggregate itself, from the same facts.)
 */
@Component
public class CooperativeAccess {

    private final Queries queries;

    CooperativeAccess(Queries queries) {
        this.queries = queries;
    }

    /** The cooperative, and the caller's standing in it. */
    public record Granted(CooperativeView cooperative, AccessView access) {
    }

    public Mono<CooperativeView> existing(String cooperativeId) {
        return queries.one(new FindCooperative(new CooperativeId(cooperativeId)), CooperativeView.class)
                .switchIfEmpty(Mono.error(() -> new NotFound("cooperative.not-found", "no cooperative '" + cooperativeId + "'")));
    }

    public Mono<Granted> requireAnyRole(String cooperativeId, PlenumUser user, Role... roles) {
        Set<Role> allowed = EnumSet.copyOf(Arrays.asList(roles));
        return existing(cooperativeId).flatMap(view -> queries.one(new FindAccess(view.cooperativeId(), user.accountId()), AccessView.class)
                .flatMap(access -> access.roles().stream().anyMatch(allowed::contains)
                        ? Mono.just(new Granted(view, access))
                        : Mono.error(new NotAllowed("cooperative.forbidden", "Only the cooperative's " + inWords(allowed)
                                + " may see this. If you should be one of them, ask its secretary."))));
    }

    /** "members, secretaries or auditors": the roles as a person would say them, not an enum's {@code toString}. */
    static String inWords(Set<Role> roles) {
        java.util.List<String> words = roles.stream().map(role -> switch (role) {
            case MEMBER -> "members";
            case SECRETARY -> "secretaries";
            case AUDITOR -> "auditors";
        }).toList();
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** Members, secretaries and auditors may read a cooperative. */
    public Mono<Granted> requireReader(String cooperativeId, PlenumUser user) {
        return requireAnyRole(cooperativeId, user, Role.MEMBER, Role.SECRETARY, Role.AUDITOR);
    }
}
