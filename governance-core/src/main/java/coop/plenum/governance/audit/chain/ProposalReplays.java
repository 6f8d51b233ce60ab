package coop.plenum.governance.audit.chain;

import coop.plenum.governance.audit.offline.DecisionReplay;
import coop.plenum.kernel.NotFound;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** A proposal's vote rebuilt from its own events in the log, for what-if re-tallies: reads only, stores nothing. */
@Component
public class ProposalReplays {

    private final EventStore eventStore;

    ProposalReplays(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public DecisionReplay of(String proposalId) {
        DecisionReplay replay = new DecisionReplay();
        DomainEventStream events = coop.plenum.governance.axon.AggregateHistory.of(eventStore, proposalId);
        boolean any = false;
        while (events.hasNext()) {
            any = true;
            replay.replay(events.next().getPayload());
        }
        if (!any) {
            throw new NotFound("proposal.not-found", "no proposal '" + proposalId + "'");
        }
        return replay;
    }
}
