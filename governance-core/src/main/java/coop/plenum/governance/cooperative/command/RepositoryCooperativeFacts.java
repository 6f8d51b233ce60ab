package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.cooperative.CooperativeFactsSource;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.NotFound;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Loads the Cooperative aggregate from the event log (locking it for the rest of the unit of work) and answers from it. */
@Component
class RepositoryCooperativeFacts implements CooperativeFactsSource {

    private final Repository<Cooperative> cooperatives;

    RepositoryCooperativeFacts(@Qualifier("cooperativeRepository") Repository<Cooperative> cooperatives) {
        this.cooperatives = cooperatives;
    }

    @Override
    public CooperativeFacts facts(CooperativeId cooperativeId) {
        if (!Ids.isWellFormed(cooperativeId.value())) {
            // names nothing; and PostgreSQL would refuse a NUL in the lookup with an error, not an empty answer
            throw new NotFound("cooperative.not-found", "no such cooperative");
        }
        try {
            return cooperatives.load(cooperativeId.value()).invoke(Cooperative::facts);
        } catch (AggregateNotFoundException e) {
            throw new NotFound("cooperative.not-found", "no cooperative '" + cooperativeId + "'");
        }
    }
}
