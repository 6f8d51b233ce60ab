package coop.plenum.api.delegation;

import coop.plenum.api.ledger.LedgerOfCooperative;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.cooperative.query.CooperativeView;
import coop.plenum.governance.delegation.query.DelegationOverview;
import coop.plenum.governance.delegation.query.DelegationOverviews;
import coop.plenum.governance.delegation.query.DelegationView;
import coop.plenum.governance.delegation.query.FindDelegations;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.kernel.NotFound;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One member's delegation overview, gathered from the delegations in force, every member's status and name and
 * everyone's voting power now. The JSON API and the "My delegations" page both read it from here.
 */
@Component
public class MemberDelegations {

    private final Queries queries;
    private final LedgerOfCooperative ledgers;

    MemberDelegations(Queries queries, LedgerOfCooperative ledgers) {
        this.queries = queries;
        this.ledgers = ledgers;
    }

    /** The overview, the cooperative's members, and their display names by member id. */
    public record Seen(DelegationOverview overview, List<MemberView> members, Map<MemberId, String> names) {
    }

    /** @throws NotFound (in the Mono) when {@code me} is no member of the cooperative */
    public Mono<Seen> of(CooperativeView coop, MemberId me) {
        var charter = coop.charter();
        return queries.many(new FindMembers(coop.cooperativeId()), MemberView.class)
                .zipWith(queries.many(new FindDelegations(coop.cooperativeId()), DelegationView.class))
                .zipWith(ledgers.powerNow(coop.cooperativeId(), charter.votingPower()))
                .map(t -> {
                    List<MemberView> members = t.getT1().getT1();
                    Map<MemberId, MemberStatus> status = new HashMap<>();
                    Map<MemberId, String> names = new HashMap<>();
                    members.forEach(m -> {
                        status.put(m.memberId(), m.status());
                        names.put(m.memberId(), m.displayName() == null ? m.memberId().value() : m.displayName());
                    });
                    if (!status.containsKey(me)) {
                        throw new NotFound("member.not-found", "no member '" + me + "' here");
                    }
                    var power = t.getT2();
                    int max = charter.delegation().maxChainLength() == null ? 0 : charter.delegation().maxChainLength();
                    DelegationOverview overview = DelegationOverviews.of(me, t.getT1().getT2(), charter.topics(), max, status::get,
                            m -> status.get(m) == MemberStatus.ACTIVE ? power.powerOf(m.value()) : BigDecimal.ZERO);
                    return new Seen(overview, members, names);
                });
    }
}
