package coop.plenum.governance.delegation.query;

import coop.plenum.governance.delegation.DelegationRevoked;
import coop.plenum.governance.delegation.VoteDelegated;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * One cooperative's delegation changes come from two aggregates (its own stream and its delegation register,
 * {@code DelegationStreams}); Axon's default would spread them over segments by aggregate, and a rebuild could then
 * apply an old change after a newer one to the delegation in force. Sequenced by cooperative instead, they reach
 * {@link DelegationProjection} in log order, and different cooperatives still run in parallel.
 */
@Configuration(proxyBeanMethods = false)
class DelegationSequencing {

    static final String GROUP = "readmodel-delegations";

    static final SequencingPolicy<EventMessage<?>> BY_COOPERATIVE = event -> {
        Object payload = event.getPayload();
        if (payload instanceof VoteDelegated delegated) {
            return delegated.cooperativeId().value();
        }
        if (payload instanceof DelegationRevoked revoked) {
            return revoked.cooperativeId().value();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    };

    @Autowired
    void sequenceByCooperative(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy(GROUP, c -> BY_COOPERATIVE);
    }
}
