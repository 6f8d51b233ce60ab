package coop.plenum.governance.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps loaded aggregates in memory between commands, so a ballot does not re-read the proposal's whole stream
 * (its VotingOpened carries the full electorate). Entries are weakly held and evicted on any failed unit of work;
 * with several nodes, a stale entry loses the optimistic-concurrency check on (aggregate, sequence) and the command
 * is refused with 409, never applied twice.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }
}
