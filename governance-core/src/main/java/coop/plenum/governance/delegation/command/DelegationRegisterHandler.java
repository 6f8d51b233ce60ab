package coop.plenum.governance.delegation.command;

import coop.plenum.governance.axon.CurrentAggregates;
import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.cooperative.CooperativeFactsSource;
import coop.plenum.governance.delegation.DelegateVote;
import coop.plenum.governance.delegation.DelegationStreams;
import coop.plenum.governance.delegation.RevokeDelegation;
import coop.plenum.governance.ids.CooperativeId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Routes delegations to the cooperative's {@link DelegationRegister}, creating it with its first change. The
 * cooperative's facts are loaded first, then the register: the order in which a closing vote locks them too (its
 * Proposal asks the cooperative, which asks the register), so the two never wait for each other. Both are checked
 * against the log ({@link CurrentAggregates}), so a register cached on this node while another node recorded
 * changes decides on those changes, never without them.
 */
@Component
class DelegationRegisterHandler {

    private final Repository<DelegationRegister> registers;
    private final EventStore log;
    private final CooperativeFactsSource cooperatives;
    private final Clock clock;

    DelegationRegisterHandler(@Qualifier("delegationRegisterRepository") Repository<DelegationRegister> registers, EventStore log,
                              CooperativeFactsSource cooperatives, Clock clock) {
        this.registers = registers;
        this.log = log;
        this.cooperatives = cooperatives;
        this.clock = clock;
    }

    @CommandHandler
    void handle(DelegateVote command, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        CooperativeFacts coop = cooperatives.facts(command.cooperativeId());
        registerOf(command.cooperativeId()).execute(register -> register.delegate(command, actor, clock.instant(), coop));
    }

    @CommandHandler
    void handle(RevokeDelegation command, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        CooperativeFacts coop = cooperatives.facts(command.cooperativeId());
        registerOf(command.cooperativeId()).execute(register -> register.revoke(command, actor, clock.instant(), coop));
    }

    private Aggregate<DelegationRegister> registerOf(CooperativeId cooperativeId) {
        return CurrentAggregates.loadOrCreate(registers, log, DelegationStreams.registerId(cooperativeId), DelegationRegister::new);
    }
}
