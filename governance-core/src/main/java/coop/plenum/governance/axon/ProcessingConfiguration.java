package coop.plenum.governance.axon;

import coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every event processor is a pooled streaming processor. Processing groups named {@code readmodel-…} build
 * MongoDB read models and keep their tokens in the same MongoDB database (a read model and its position move
 * together); every other group (sagas, policies) keeps its token in PostgreSQL next to the log, transactionally.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    static final String READ_MODEL_PREFIX = "readmodel-";
    /** The MongoDB collection of the read models' and outboxes' tokens, next to the documents they describe. */
    static final String TOKENS = "processor_tokens";
    static final String POLICY_PREFIX = "policy-";

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    @Bean
    EventLogSchema eventLogSchema(DataSource dataSource, EventStorageEngine engine, TokenStore tokenStore,
                                  SagaStore<?> sagaStore) {
        return new EventLogSchema(dataSource, engine, tokenStore, sagaStore);
    }

    @Bean
    static ReadModelTokenStore readModelTokenStore(com.mongodb.client.MongoClient mongoClient, ReadModelDatabase database,
                                            Serializer serializer, ClusterProperties cluster, DataSource dataSource) {
        return new ReadModelTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, database.name())
                        .trackingTokensCollectionName(TOKENS)
                        .build())
                .serializer(serializer)
                .claimTimeout(ClusterConfiguration.CLAIM_TIMEOUT)
                .nodeId(cluster.nodeId())
                .build(), new TokenClaimLock(dataSource));
    }

    @Autowired
    void poolAllProcessors(EventProcessingConfigurer processing, ApplicationContext context,
                           ReadModelTokenStore readModelTokens, CommitSignallingEventSource log, TokenStore tokenStore,
                           ProcessorProgress progress, ReadModelWrites writes, ClusterProperties cluster) {
        // Axon's default logs a failing handler and skips its event, silently leaving a read model behind the log;
        // propagating makes the processor back off and retry the event (projections are idempotent)
        processing.registerDefaultListenerInvocationErrorHandler(c -> org.axonframework.eventhandling.PropagatingErrorHandler.instance());
        // every stored token completes the read-your-writes waits for it (ReadModelCatchUp)
        TokenStore policyTokens = new NotifyingTokenStore(tokenStore, progress);
        TokenStore readModelTokenStore = new NotifyingTokenStore(readModelTokens.store(), progress, readModelTokens.claims());
        processing.registerTokenStore(c -> policyTokens);
        processing.usingPooledStreamingEventProcessors()
                .registerPooledStreamingEventProcessorConfiguration((c, builder) -> builder
                        .messageSource(log)
                        // the fallback for events appended by other nodes, which send no signal here
                        .tokenClaimInterval(1000));
        for (String group : OUTBOXES) {
            // an outbox's bookkeeping writes go in bulk at the end of a batch too, before its token (ReadModelWrites)
            processing.registerHandlerInterceptor(group, c -> new ReadModelWriteBatching(group, writes));
            processing.registerTokenStore(group, c -> readModelTokenStore)
                    .registerTransactionManager(group, c -> NoTransactionManager.INSTANCE)
                    // Axon's default batch of one event stored a token per ballot; the token still moves only after the
                    // batch's writes, and an event handled again queues nothing twice
                    .registerPooledStreamingEventProcessorConfiguration(group, (c, builder) -> builder.batchSize(100).initialSegmentCount(1)
                            .messageSource(log.forProcessor(new HandledPayloadTypes(c, group))));
        }
        for (String group : policyGroups(context)) {
            // applied after the default configuration above (Axon chains them): only the view of the log changes, one
            // that wakes the policy at once only for events it handles
            processing.registerPooledStreamingEventProcessorConfiguration(group, (c, builder) -> builder
                    .messageSource(log.forProcessor(new HandledPayloadTypes(c, group))));
        }
        for (String group : readModelGroups(context)) {
            // writes a projection lets wait go to MongoDB in bulk at the end of each batch (ReadModelWrites)
            processing.registerHandlerInterceptor(group, c -> new ReadModelWriteBatching(group, writes));
            int segments = segmentsOf(group, cluster);
            processing.registerTokenStore(group, c -> readModelTokenStore)
                    .registerTransactionManager(group, c -> NoTransactionManager.INSTANCE)
                    .registerPooledStreamingEventProcessorConfiguration(group,
                            (c, builder) -> builder.batchSize(100).initialSegmentCount(segments)
                                    // woken at once only by events it handles (CommitSignallingEventSource)
                                    .messageSource(log.forProcessor(new HandledPayloadTypes(c, group))));
        }
    }

    /**
     * Read models whose projection folds events of several aggregates into one document, so it is correct only when it
     * sees them in the log's order: run as one segment. {@code readmodel-membership} names members from their
     * accounts' {@code AccountCreated} (an Account aggregate) when a Cooperative's event creates the member;
     * the activity timeline (in {@code readmodel-notifications}) gives a decision's entry the title its proposal had then. Every
     * other read model keys what it writes by the aggregate that produced the event (a proposal's ballots and state,
     * a cooperative's charter, a ledger's contributions and revenues, an account) or writes order-free set additions
     * (a member's ballots), and Axon's default sequencing keeps each aggregate's events in one segment, in order. A
     * cooperative's delegations come from two aggregates and are sequenced by cooperative (DelegationSequencing).
     */
    static final Set<String> ACROSS_AGGREGATES = Set.of("readmodel-membership",
            // also the activity timeline's: it names a decision's proposal (a Proposal's event) in a Cooperative's
            // CharterAmended, MemberExpelled …
            "readmodel-notifications");

    /**
     * Policies whose effects are writes to MongoDB (an outbox) rather than commands: their token lives in MongoDB with
     * those writes, like a read model's, so that losing the store's last second on kill -9 (docs/storage.md) loses
     * the position with the writes and the events are handled again (the outbox is keyed by event, so nothing is
     * queued twice) instead of being skipped. One segment: each folds several aggregates' events in log order.
     * Unlike read models they are never rebuilt.
     */
    static final Set<String> OUTBOXES = Set.of("policy-webhooks");

    static int segmentsOf(String group, ClusterProperties cluster) {
        return ACROSS_AGGREGATES.contains(group) ? 1 : cluster.readModelSegments();
    }

    /** The read-model groups, found from the handler beans themselves so a new projection needs no wiring. */
    static Set<String> readModelGroups(ApplicationContext context) {
        return groupsNamed(context, READ_MODEL_PREFIX);
    }

    /**
     * Sagas and policies whose tokens live in PostgreSQL (every group neither a read model nor an outbox), found like
     * the read models: a ballot passed by the ledger's policy, the proposals' effects and the login table's projection.
     */
    static Set<String> policyGroups(ApplicationContext context) {
        Set<String> groups = groupsNamed(context, "");
        groups.removeAll(readModelGroups(context));
        groups.removeAll(OUTBOXES);
        return groups;
    }

    static Set<String> groupsNamed(ApplicationContext context, String prefix) {
        Set<String> groups = new TreeSet<>();
        Arrays.stream(context.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(name -> context.findAnnotationOnBean(name, ProcessingGroup.class))
                .filter(g -> g != null && g.value().startsWith(prefix))
                .forEach(g -> groups.add(g.value()));
        return groups;
    }

    /** Holder so the Mongo token store is not a {@code TokenStore} bean (that one is Axon's JDBC store for sagas). */
    record ReadModelTokenStore(MongoTokenStore store, TokenClaimLock claims) {
    }
}
