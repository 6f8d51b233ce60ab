package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.cooperative.CooperativeFactsSource;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.NotFound;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Loads the Cooperative aggregate from the event log (locking it for the rest of the unit of work) and answers from it.
 * The aggregate may come from this node's cache while another node sharing the log has changed the cooperative since:
 * its version is checked against the last sequence number in the log, and a cached aggregate that is behind fails the
 * unit of work with a {@link ConcurrencyException} (which evicts it), so the command is re-run on the fresh one
 * rather than freezing stale facts into {@code VotingOpened} or {@code DelegationsFrozen}.
 */
@Component
class RepositoryCooperativeFacts implements CooperativeFactsSource {

    private final Repository<Cooperative> cooperatives;
    private final EventStore log;

    RepositoryCooperativeFacts(@Qualifier("cooperativeRepository") Repository<Cooperative> cooperatives, EventStore log) {
        this.cooperatives = cooperatives;
        this.log = log;
    }

    @Override
    public CooperativeFacts facts(CooperativeId cooperativeId) {
        if (!Ids.isWellFormed(cooperativeId.value())) {
            // names nothing; and PostgreSQL would refuse a NUL in the lookup with an error, not an empty answer
            throw new NotFound("cooperative.not-found", "no such cooperative");
        }
        try {
            Aggregate<Cooperative> cooperative = cooperatives.load(cooperativeId.value());
            long inTheLog = log.lastSequenceNumberFor(cooperativeId.value()).orElse(-1L);
            if (cooperative.version() != null && cooperative.version() < inTheLog) {
                throw new ConcurrencyException("cooperative " + cooperativeId + " changed on another node (cached at "
                        + cooperative.version() + ", " + inTheLog + " in the log)");
            }
            return cooperative.invoke(Cooperative::facts);
        } catch (AggregateNotFoundException e) {
            throw new NotFound("cooperative.not-found", "no cooperative '" + cooperativeId + "'");
        }
    }
}
