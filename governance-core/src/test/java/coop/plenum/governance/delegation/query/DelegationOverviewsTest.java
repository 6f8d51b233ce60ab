package coop.plenum.governance.delegation.query;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.voting.Delegations;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who represents a member, whom they represent, and the warnings about their own chains. */
class DelegationOverviewsTest {

    private static final MemberId A = new MemberId("a");
    private static final MemberId B = new MemberId("b");
    private static final MemberId C = new MemberId("c");
    private static final MemberId D = new MemberId("d");
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    private static DelegationView d(MemberId from, String scope, MemberId to) {
        return new DelegationView(from, scope, to, T);
    }

    private static DelegationOverview overview(MemberId me, List<DelegationView> inForce, int max, Map<MemberId, MemberStatus> statuses) {
        return DelegationOverviews.of(me, inForce, List.of("energy", "finance"), max,
                m -> statuses.getOrDefault(m, MemberStatus.ACTIVE), m -> new BigDecimal("1.5"));
    }

    @Test
    void aChainShowsWhoRepresentsTheMemberForEachTopicWithTopicDelegationsOverridingTheGlobalOne() {
        var o = overview(A, List.of(d(A, Delegations.GLOBAL, B), d(B, Delegations.GLOBAL, C), d(A, "finance", D)), 0, Map.of());
        assertThat(o.topics().get(0).chain()).containsExactly(A, B, C);
        assertThat(o.topics().get(0).representative()).isEqualTo(C);
        assertThat(o.topics().get(1).chain()).containsExactly(A, D);
        assertThat(o.warnings()).isEmpty();
    }

    @Test
    void theMemberIsWarnedWhenTheirChainEndsAtAMemberWhoIsNotActive() {
        var o = overview(A, List.of(d(A, Delegations.GLOBAL, B)), 0, Map.of(B, MemberStatus.SUSPENDED));
        assertThat(o.topics().get(0).ending()).isEqualTo(DelegationOverview.Ending.INACTIVE_MEMBER);
        assertThat(o.warnings()).extracting(DelegationOverview.Warning::kind).containsOnly(DelegationOverview.Ending.INACTIVE_MEMBER);
        assertThat(o.warnings().get(0).members()).containsExactly(B);
    }

    @Test
    void theMemberIsWarnedWhenTheirChainEndsInACycleOrIsLongerThanTheCharterAllows() {
        var cycle = overview(A, List.of(d(A, Delegations.GLOBAL, B), d(B, Delegations.GLOBAL, C), d(C, Delegations.GLOBAL, B)), 0, Map.of());
        assertThat(cycle.topics().get(0).ending()).isEqualTo(DelegationOverview.Ending.CYCLE);
        assertThat(cycle.warnings().get(0).members()).containsExactly(B, C);
        var tooLong = overview(A, List.of(d(A, Delegations.GLOBAL, B), d(B, Delegations.GLOBAL, C)), 1, Map.of());
        assertThat(tooLong.topics().get(0).ending()).isEqualTo(DelegationOverview.Ending.TOO_LONG);
    }

    @Test
    void aMemberCarriesThePowerOfEveryActiveMemberWhoseChainReachesThemWithinTheLimit() {
        List<DelegationView> chain = List.of(d(B, Delegations.GLOBAL, A), d(C, Delegations.GLOBAL, B), d(D, "energy", C));
        var unlimited = overview(A, chain, 0, Map.of());
        assertThat(unlimited.topics().get(0).transitive()).isEqualTo(3);
        assertThat(unlimited.topics().get(0).powerCarried()).isEqualByComparingTo("4.5");
        assertThat(unlimited.topics().get(1).transitive()).as("d delegates for energy only").isEqualTo(2);
        assertThat(unlimited.topics().get(0).direct()).containsExactly(B);
        assertThat(overview(A, chain, 2, Map.of()).topics().get(0).transitive()).isEqualTo(2);
        assertThat(overview(A, chain, 0, Map.of(C, MemberStatus.WITHDRAWN)).topics().get(0).transitive())
                .as("a member who left carries nothing, the chain through them still counts for others").isEqualTo(2);
        assertThat(unlimited.toMe()).extracting(DelegationView::memberId).containsExactly(B);
    }
}
