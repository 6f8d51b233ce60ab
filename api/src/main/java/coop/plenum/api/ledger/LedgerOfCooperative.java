package coop.plenum.api.ledger;

import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.VotingPowerRule;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.governance.power.VotingPowerFormula;
import coop.plenum.ledger.LedgerId;
import coop.plenum.ledger.query.AcceptedPointsView;
import coop.plenum.ledger.query.FindAcceptedPoints;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the API needs around a cooperative's ledger: the ledger id, members' display names (the ledger knows only
 * member ids) and everyone's voting power now, from the ledger's accepted points and the charter's rule.
 */
@Component
public class LedgerOfCooperative {

    private final Queries queries;
    private final Clock clock;

    LedgerOfCooperative(Queries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public static LedgerId ledgerOf(CooperativeId cooperativeId) {
        return LedgerId.ofCooperative(cooperativeId.value());
    }

    /** Member id → display name, for every member the cooperative ever had. */
    public Mono<Map<String, String>> names(CooperativeId cooperativeId) {
        return queries.many(new FindMembers(cooperativeId), MemberView.class).map(members -> {
            Map<String, String> names = new HashMap<>();
            members.forEach(m -> names.put(m.memberId().value(), m.displayName()));
            return names;
        });
    }

    /** Everyone's voting power as of now: the charter's rule applied to points accepted so far (within its window). */
    public Mono<PowerNow> powerNow(CooperativeId cooperativeId, VotingPowerRule rule) {
        Instant now = clock.instant();
        return queries.one(new FindAcceptedPoints(ledgerOf(cooperativeId), now, rule.windowDays()), AcceptedPointsView.class)
                .map(points -> new PowerNow(now, rule, points));
    }

    /** Voting power as of one instant, for any member. */
    public record PowerNow(Instant asOf, VotingPowerRule rule, AcceptedPointsView points) {

        public BigDecimal pointsOf(String memberId) {
            return points.of(memberId);
        }

        public BigDecimal powerOf(String memberId) {
            return VotingPowerFormula.power(rule, pointsOf(memberId));
        }
    }
}
