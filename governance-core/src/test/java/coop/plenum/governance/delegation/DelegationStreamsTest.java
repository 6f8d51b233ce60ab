package coop.plenum.governance.delegation;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.DelegationTimeline;
import coop.plenum.governance.voting.DelegationTimeline.Change;
import coop.plenum.governance.voting.Delegations;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A cooperative's delegation changes in its own stream (before the register), then in its register's: one order. */
class DelegationStreamsTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final MemberId ADA = new MemberId("m-ada");
    private static final MemberId BEN = new MemberId("m-ben");
    private static final MemberId CY = new MemberId("m-cy");

    @Test
    void theCooperativeStreamsChangesComeBeforeTheRegistersWhateverTheirNumbers() {
        assertThat(DelegationStreams.position("Cooperative", 5_000_000L))
                .isLessThan(DelegationStreams.position(DelegationStreams.REGISTER_AGGREGATE_TYPE, 0));
        assertThat(DelegationStreams.position(DelegationStreams.REGISTER_AGGREGATE_TYPE, 3))
                .isLessThan(DelegationStreams.position(DelegationStreams.REGISTER_AGGREGATE_TYPE, 4));
        assertThat(DelegationStreams.position("Cooperative", 7)).as("legacy changes keep their stored positions").isEqualTo(7);
    }

    @Test
    void asOfAnInstantFoldsTheCooperativeStreamThenTheRegister() {
        List<Change> cooperativeStream = List.of(new Change(T0, ADA, Delegations.GLOBAL, BEN), new Change(T0, CY, "energy", ADA));
        List<Change> register = List.of(new Change(T0.plusSeconds(5), ADA, Delegations.GLOBAL, CY),
                new Change(T0.plusSeconds(9), CY, "energy", null));
        assertThat(DelegationStreams.asOf(cooperativeStream, register, T0).forTopic("energy"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(ADA, BEN, CY, ADA));
        assertThat(DelegationStreams.asOf(cooperativeStream, register, T0.plusSeconds(5)).forTopic("energy"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(ADA, CY, CY, ADA));
        assertThat(DelegationStreams.asOf(cooperativeStream, register, T0.plusSeconds(9)).forTopic("energy"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(ADA, CY));
    }

    @Test
    void theDelegateInForceIsTheRegistersLastChangeForTheScopeElseTheCooperativeStreams() {
        List<Change> cooperativeStream = List.of(new Change(T0, ADA, Delegations.GLOBAL, BEN), new Change(T0, ADA, "energy", CY));
        DelegationTimeline register = new DelegationTimeline();
        register.record(new Change(T0.plusSeconds(1), ADA, "energy", null));
        assertThat(DelegationStreams.delegateInForce(cooperativeStream, register, ADA, Delegations.GLOBAL)).isEqualTo(BEN);
        assertThat(DelegationStreams.delegateInForce(cooperativeStream, register, ADA, "energy")).as("revoked in the register").isNull();
        assertThat(DelegationStreams.delegateInForce(cooperativeStream, register, BEN, Delegations.GLOBAL)).isNull();
    }

    @Test
    void aRegistersIdNamesItsCooperative() {
        String id = DelegationStreams.registerId(new CooperativeId("coop-7"));
        assertThat(id).isEqualTo("delegations-coop-7");
        assertThat(DelegationStreams.cooperativeOfRegister(id)).isEqualTo("coop-7");
    }
}
