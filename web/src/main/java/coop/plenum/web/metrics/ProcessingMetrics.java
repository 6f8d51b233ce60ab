package coop.plenum.web.metrics;

import coop.plenum.governance.axon.DeadLetters;
import coop.plenum.governance.axon.ReadModelCatchUp;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Per event processor, read at scrape time: {@code plenum_processor_lag_events{processor}}, how many events the log
 * holds beyond the slowest segment this node runs (absent when this node runs none of its segments: another node's
 * scrape reports it), and {@code plenum_dead_letters{processor}}, events parked in its dead-letter queue.
 */
@Component
class ProcessingMetrics implements SmartInitializingSingleton {

    private final EventProcessingConfiguration processing;
    private final ReadModelCatchUp catchUp;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;

    ProcessingMetrics(EventProcessingConfiguration processing, ReadModelCatchUp catchUp, DeadLetters deadLetters,
                      MeterRegistry registry) {
        this.processing = processing;
        this.catchUp = catchUp;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("plenum.processor.lag", streaming, this::lag).baseUnit("events")
                        .description("Events in the log beyond the slowest segment of this processor on this node")
                        .tag("processor", name).register(registry);
            }
            if (deadLetters.processors().contains(name)) {
                Gauge.builder("plenum.dead.letters", () -> deadLetters.parkedCount(name))
                        .description("Events parked in the processor's dead-letter queue").tag("processor", name).register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        OptionalLong head = catchUp.logHead();
        if (head.isEmpty()) {
            return 0;
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments.values()) {
            OptionalLong position = segment.getCurrentPosition();
            slowest = Math.min(slowest, position.isPresent() ? position.getAsLong() : -1);
        }
        return Math.max(0, head.getAsLong() - slowest);
    }
}
