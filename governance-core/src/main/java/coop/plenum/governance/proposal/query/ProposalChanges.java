package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.ProposalId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells live views (the tally stream) that a proposal's read model just changed on this node. Best effort by
 * design: a slow subscriber misses signals rather than slowing the projection, and views also re-read periodically
 * (changes applied by another node's processor are only seen that way).
 */
@Component
public class ProposalChanges {

    private final Sinks.Many<ProposalId> changes = Sinks.many().multicast().directBestEffort();

    void changed(ProposalId proposalId) {
        changes.tryEmitNext(proposalId);
    }

    public Flux<ProposalId> of(ProposalId proposalId) {
        return changes.asFlux().filter(proposalId::equals);
    }
}
