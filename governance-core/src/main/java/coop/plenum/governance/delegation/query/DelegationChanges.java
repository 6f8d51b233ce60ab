package coop.plenum.governance.delegation.query;

import coop.plenum.governance.ids.CooperativeId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells live views that a cooperative's delegations changed on this node (a provisional tally follows current
 * delegations). Best effort, like the proposal signals: views also re-read periodically.
 */
@Component
public class DelegationChanges {

    private final Sinks.Many<CooperativeId> changes = Sinks.many().multicast().directBestEffort();

    void changed(CooperativeId cooperativeId) {
        changes.tryEmitNext(cooperativeId);
    }

    public Flux<CooperativeId> of(CooperativeId cooperativeId) {
        return changes.asFlux().filter(cooperativeId::equals);
    }
}
