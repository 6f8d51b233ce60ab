package coop.plenum.governance.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.util.List;

/** The streaming processors that build read models (groups named {@code readmodel-…}), found once. */
@Component
class ReadModelProcessors {

    private final EventProcessingConfiguration processing;
    private final ApplicationContext context;
    private volatile List<StreamingEventProcessor> processors;

    ReadModelProcessors(EventProcessingConfiguration processing, ApplicationContext context) {
        this.processing = processing;
        this.context = context;
    }

    List<StreamingEventProcessor> all() {
        List<StreamingEventProcessor> found = processors;
        if (found == null) {
            found = ProcessingConfiguration.readModelGroups(context).stream()
                    .map(group -> processing.eventProcessor(group, EventProcessor.class)
                            .filter(StreamingEventProcessor.class::isInstance)
                            .map(StreamingEventProcessor.class::cast)
                            .orElseThrow(() -> new IllegalStateException("no streaming processor " + group)))
                    .toList();
            processors = found;
        }
        return found;
    }
}
