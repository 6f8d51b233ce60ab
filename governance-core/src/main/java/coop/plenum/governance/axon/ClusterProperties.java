package coop.plenum.governance.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * Several nodes on one PostgreSQL and one MongoDB ({@code plenum.cluster.*}).
 *
 * @param nodeId             how this node names itself in token claims; blank: the JVM's {@code pid@host} and a
 *                           random suffix, so two nodes in one JVM (tests) never take each other's claims for their own
 * @param readModelSegments  segments per read model whose projection is correct per aggregate: nodes split them
 * @param signals            PostgreSQL LISTEN/NOTIFY between nodes (new events, stored tokens); off: polling only
 * @param conflictRetries    times a command is re-run after another node changed its aggregate first
 * @param rebalanceInterval  how often a node checks that it holds no more than its share of segments
 */
@ConfigurationProperties(prefix = "plenum.cluster")
public record ClusterProperties(String nodeId,
                                @DefaultValue("2") int readModelSegments,
                                @DefaultValue("true") boolean signals,
                                @DefaultValue("5") int conflictRetries,
                                @DefaultValue("5s") Duration rebalanceInterval) {

    public ClusterProperties {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        }
        if (readModelSegments < 1 || readModelSegments > 64 || Integer.bitCount(readModelSegments) != 1) {
            throw new IllegalArgumentException("plenum.cluster.read-model-segments must be a power of two from 1 to 64, was "
                    + readModelSegments);
        }
        if (conflictRetries < 0 || conflictRetries > 50) {
            throw new IllegalArgumentException("plenum.cluster.conflict-retries must be from 0 to 50, was " + conflictRetries);
        }
    }
}
