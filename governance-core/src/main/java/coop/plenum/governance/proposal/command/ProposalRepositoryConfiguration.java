package coop.plenum.governance.proposal.command;

import coop.plenum.governance.axon.CatchingUpRepository;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/** Proposals, where ballots from several nodes meet, load from the cache caught up with the log ({@link CatchingUpRepository}). */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ProposalRepositoryConfiguration {

    @Bean
    Repository<Proposal> proposalRepository(ObjectProvider<Configuration> axon, @Qualifier("aggregateCache") Cache aggregateCache,
                                            @Qualifier("longStreamSnapshots") SnapshotTriggerDefinition longStreamSnapshots) {
        return new CatchingUpRepository<>(Proposal.class, axon::getObject, aggregateCache, longStreamSnapshots);
    }
}
