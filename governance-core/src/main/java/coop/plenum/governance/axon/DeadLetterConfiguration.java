package coop.plenum.governance.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

/**
 * A poison event never stalls everyone. Every read-model and policy group parks an event its handlers cannot
 * handle in a sequenced dead-letter queue in PostgreSQL (table {@code dead_letter_entry}, created by
 * {@code plenum-schema.sql}), sequenced per aggregate: only that aggregate's later events wait behind it, in
 * order, while the processor moves on with every other aggregate. {@link DeadLetterRetrier} retries parked
 * sequences with a growing back-off (so a passing fault heals itself); an operator lists, retries and skips them
 * through {@link DeadLetters}.
 * <p>
 * Sagas have no dead-letter queue in Axon 4; a failing saga stops only its own processor, which
 * {@code /actuator/health} then reports.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final String TABLE = "dead_letter_entry";

    @Autowired
    void parkPoisonEvents(EventProcessingConfigurer processing, ApplicationContext context, Clock clock,
                          ConnectionProvider connections, TransactionManager transactions,
                          Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer) {
        processing.registerDefaultDeadLetterPolicy(c -> new DeadLetterRetryPolicy(clock)::decide);
        for (String group : groups(context)) {
            processing.registerDeadLetterQueue(group, c -> queue(group, connections, transactions, serializer, eventSerializer))
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, builder) -> builder
                            // one lookup per segment instead of one SELECT per event and processor
                            .enableSequenceIdentifierCache()
                            // a rebuilt read model replays every event, parked ones included: start it with an empty queue
                            .allowReset(group.startsWith(ProcessingConfiguration.READ_MODEL_PREFIX)));
        }
    }

    static Set<String> groups(ApplicationContext context) {
        Set<String> groups = new TreeSet<>(ProcessingConfiguration.groupsNamed(context, ProcessingConfiguration.READ_MODEL_PREFIX));
        groups.addAll(ProcessingConfiguration.groupsNamed(context, ProcessingConfiguration.POLICY_PREFIX));
        return groups;
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, ConnectionProvider connections,
                                                                   TransactionManager transactions, Serializer serializer,
                                                                   Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(DeadLetterSchema.builder().deadLetterTable(TABLE).build())
                .genericSerializer(serializer)
                // the log's own serializer: a parked event is copied as stored, never deserialized to be parked
                .eventSerializer(eventSerializer)
                // never refuse to park: a full queue would stall the processor again
                .maxSequences(Integer.MAX_VALUE)
                .maxSequenceSize(Integer.MAX_VALUE)
                .build();
    }
}
