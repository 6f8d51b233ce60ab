package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.axon.CurrentAggregates;
import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.cooperative.CooperativeFactsSource;
import coop.plenum.governance.delegation.RegisteredDelegations;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.NotFound;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Loads the Cooperative aggregate from the event log (locking it for the rest of the unit of work) and answers from it.
 * A cached aggregate behind the log (another node changed the cooperative) fails the unit of work so the command is
 * re-run on the fresh one ({@link CurrentAggregates}), rather than freezing stale facts into {@code VotingOpened} or
 * {@code DelegationsFrozen}. Delegations as of an instant also need the cooperative's delegation register: it is
 * loaded (the same way) only when they are asked for, after the cooperative, the one order in which any command
 * locks the two.
 */
@Component
class RepositoryCooperativeFacts implements CooperativeFactsSource {

    private final Repository<Cooperative> cooperatives;
    private final EventStore log;
    private final RegisteredDelegations registered;

    RepositoryCooperativeFacts(@Qualifier("cooperativeRepository") Repository<Cooperative> cooperatives, EventStore log,
                               RegisteredDelegations registered) {
        this.cooperatives = cooperatives;
        this.log = log;
        this.registered = registered;
    }

    @Override
    public CooperativeFacts facts(CooperativeId cooperativeId) {
        if (!Ids.isWellFormed(cooperativeId.value())) {
            // names nothing; and PostgreSQL would refuse a NUL in the lookup with an error, not an empty answer
            throw new NotFound("cooperative.not-found", "no such cooperative");
        }
        try {
            return CurrentAggregates.load(cooperatives, log, cooperativeId.value())
                    .invoke(cooperative -> cooperative.facts(() -> registered.of(cooperativeId)));
        } catch (AggregateNotFoundException e) {
            throw new NotFound("cooperative.not-found", "no cooperative '" + cooperativeId + "'");
        }
    }
}
