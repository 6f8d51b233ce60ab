package coop.plenum.governance.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * What lets several nodes share one PostgreSQL and one MongoDB (docs/storage.md, "Several nodes"): a node name of
 * its own in every token claim, and the signals between nodes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    /** Axon's JDBC token store (sagas, policies) as Axon's auto-configuration builds it, with this node's name on its claims. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, ClusterProperties cluster) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .claimTimeout(CLAIM_TIMEOUT)
                .nodeId(cluster.nodeId())
                .build();
    }

    @Bean(destroyMethod = "close")
    ClusterSignals clusterSignals(DataSource dataSource, EventStore eventStore, ProcessorProgress progress,
                                  org.springframework.beans.factory.ObjectProvider<ReadModelProcessors> processors,
                                  ClusterProperties cluster) {
        ClusterSignals signals = new ClusterSignals(dataSource, eventStore, progress,
                // looked up when first needed: resolving it here would fix Axon's processing configuration too early
                processors::getObject, cluster.nodeId());
        if (cluster.signals() && ClusterSignals.applicable(dataSource, eventStore)) {
            signals.start();
        }
        return signals;
    }
}
