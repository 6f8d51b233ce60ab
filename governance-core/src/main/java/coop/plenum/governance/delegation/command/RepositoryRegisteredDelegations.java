package coop.plenum.governance.delegation.command;

import coop.plenum.governance.axon.CurrentAggregates;
import coop.plenum.governance.delegation.DelegationStreams;
import coop.plenum.governance.delegation.RegisteredDelegations;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.voting.DelegationTimeline;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;

/** The register's changes, from the aggregate loaded (and locked) in the current unit of work and never behind the log. */
@Component
class RepositoryRegisteredDelegations implements RegisteredDelegations {

    private final Repository<DelegationRegister> registers;
    private final EventStore log;

    RepositoryRegisteredDelegations(@Qualifier("delegationRegisterRepository") Repository<DelegationRegister> registers,
                                    EventStore log) {
        this.registers = registers;
        this.log = log;
    }

    @Override
    public List<DelegationTimeline.Change> of(CooperativeId cooperativeId) {
        String id = DelegationStreams.registerId(cooperativeId);
        if (log.lastSequenceNumberFor(id).isEmpty()) {
            return List.of(); // the cooperative's members have not delegated since the register came
        }
        return CurrentAggregates.load(registers, log, id).invoke(DelegationRegister::changes);
    }
}
