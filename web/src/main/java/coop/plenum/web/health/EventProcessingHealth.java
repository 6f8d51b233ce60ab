package coop.plenum.web.health;

import coop.plenum.governance.axon.DeadLetters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /actuator/health} names every event processor: {@code DEGRADED} when it has parked events (a poison event
 * waits in the dead-letter queue; everything else flows) or has stopped on an error, {@code UP} otherwise. The node
 * keeps serving either way, so DEGRADED answers 200; an operator lists and resolves parked events through
 * {@code /api/v1/operations/dead-letters}.
 */
@Component("eventProcessors")
class EventProcessingHealth implements CompositeHealthContributor {

    static final Status DEGRADED = new Status("DEGRADED", "events are parked or a processor stopped on an error");

    private final EventProcessingConfiguration processing;
    private final DeadLetters deadLetters;

    EventProcessingHealth(EventProcessingConfiguration processing, DeadLetters deadLetters) {
        this.processing = processing;
        this.deadLetters = deadLetters;
    }

    @Override
    public HealthContributor getContributor(String name) {
        EventProcessor processor = processors().get(name);
        return processor == null ? null : indicator(processor);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return processors().values().stream()
                .map(p -> NamedContributor.of(p.getName(), (HealthContributor) indicator(p)))
                .iterator();
    }

    private Map<String, EventProcessor> processors() {
        return new TreeMap<>(processing.eventProcessors());
    }

    private HealthIndicator indicator(EventProcessor processor) {
        return () -> {
            boolean stopped = processor instanceof StreamingEventProcessor streaming && streaming.isError();
            long parked = deadLetters.processors().contains(processor.getName())
                    ? deadLetters.parkedCount(processor.getName()) : 0L;
            Health.Builder health = parked > 0 || stopped ? Health.status(DEGRADED) : Health.up();
            return health.withDetail("parkedEvents", parked).withDetail("stoppedOnError", stopped).build();
        };
    }
}
