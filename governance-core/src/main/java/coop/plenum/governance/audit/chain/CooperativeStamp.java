package coop.plenum.governance.audit.chain;

import coop.plenum.governance.delegation.DelegationStreams;
import coop.plenum.governance.proposal.ProposalSubmitted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps {@value #METADATA_KEY} into the metadata of every governance and ledger event as it is published, so one
 * cooperative's history can be read in log order from the log alone: a cooperative's events carry its own id, a
 * ledger's the id after its {@code ledger-} prefix, a delegation register's the id after its {@code delegations-}
 * prefix, a proposal's the cooperative its {@code ProposalSubmitted} names (remembered, or read back from the proposal's first event). Account events and platform operations carry
 * none. Events stored before this existed are placed by {@link CooperativeOfEvent} instead (docs/audit.md).
 */
@Component
public class CooperativeStamp implements MessageDispatchInterceptor<EventMessage<?>> {

    public static final String METADATA_KEY = "cooperativeId";
    private static final int REMEMBERED = 100_000;

    private final EventStore eventStore;
    private final Map<String, String> cooperativeOfProposal = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    });

    CooperativeStamp(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Autowired
    void stampEveryPublishedEvent() {
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> stamp(message);
    }

    EventMessage<?> stamp(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> event) || message.getMetaData().containsKey(METADATA_KEY)) {
            return message;
        }
        String cooperative = switch (String.valueOf(event.getType())) {
            case "Cooperative" -> event.getAggregateIdentifier();
            case "Ledger", DelegationStreams.REGISTER_AGGREGATE_TYPE ->
                    CooperativeOfEvent.byAggregate(event.getType(), event.getAggregateIdentifier()).orElse(null);
            case "Proposal" -> proposalsCooperative(event);
            default -> null;
        };
        return cooperative == null ? message : message.andMetaData(Map.of(METADATA_KEY, cooperative));
    }

    private String proposalsCooperative(DomainEventMessage<?> event) {
        if (event.getPayload() instanceof ProposalSubmitted submitted) {
            cooperativeOfProposal.put(event.getAggregateIdentifier(), submitted.cooperativeId().value());
            return submitted.cooperativeId().value();
        }
        String known = cooperativeOfProposal.get(event.getAggregateIdentifier());
        if (known != null) {
            return known;
        }
        // a proposal submitted before this node started: its first event says where it belongs
        DomainEventStream stream = coop.plenum.governance.axon.AggregateHistory.of(eventStore, event.getAggregateIdentifier());
        if (stream.hasNext() && stream.next().getPayload() instanceof ProposalSubmitted submitted) {
            cooperativeOfProposal.put(event.getAggregateIdentifier(), submitted.cooperativeId().value());
            return submitted.cooperativeId().value();
        }
        return null;
    }
}
