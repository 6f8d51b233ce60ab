package coop.plenum.governance.delegation.query;

import coop.plenum.governance.delegation.DelegationRevoked;
import coop.plenum.governance.delegation.DelegationStreams;
import coop.plenum.governance.delegation.VoteDelegated;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** One cooperative's delegation changes reach the read model in one sequence, whichever of its two streams holds them. */
class DelegationSequencingTest {

    private static final CooperativeId COOP = new CooperativeId("coop-1");
    private static final MemberId ADA = new MemberId("m-ada");
    private static final MemberId BEN = new MemberId("m-ben");

    @Test
    void changesInTheCooperativesStreamAndInItsRegisterShareOneSequence() {
        Object inTheCooperativeStream = DelegationSequencing.BY_COOPERATIVE.getSequenceIdentifierFor(new GenericDomainEventMessage<>(
                "Cooperative", COOP.value(), 4, new VoteDelegated(COOP, ADA, "_global", BEN, null, Instant.EPOCH)));
        Object inTheRegister = DelegationSequencing.BY_COOPERATIVE.getSequenceIdentifierFor(new GenericDomainEventMessage<>(
                DelegationStreams.REGISTER_AGGREGATE_TYPE, DelegationStreams.registerId(COOP), 0,
                new DelegationRevoked(COOP, ADA, "_global", BEN, Instant.EPOCH)));
        assertThat(inTheRegister).isEqualTo(inTheCooperativeStream);
        Object another = DelegationSequencing.BY_COOPERATIVE.getSequenceIdentifierFor(new GenericDomainEventMessage<>(
                "Cooperative", "coop-2", 0, new VoteDelegated(new CooperativeId("coop-2"), ADA, "_global", BEN, null, Instant.EPOCH)));
        assertThat(another).isNotEqualTo(inTheCooperativeStream);
    }
}
