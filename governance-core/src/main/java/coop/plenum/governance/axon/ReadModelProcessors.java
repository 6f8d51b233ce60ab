package coop.plenum.governance.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The streaming processors that build read models (groups named {@code readmodel-…}; rebuilt on demand) and the
 * policies that keep one bounded context in step with another (groups named {@code policy-…}; never replayed).
 * Read-your-writes waits for both: a member admitted is a contributor in the ledger by the time the API answers.
 */
@Component
class ReadModelProcessors {

    private final EventProcessingConfiguration processing;
    private final ApplicationContext context;
    private volatile List<StreamingEventProcessor> processors;
    private volatile List<StreamingEventProcessor> followers;

    ReadModelProcessors(EventProcessingConfiguration processing, ApplicationContext context) {
        this.processing = processing;
        this.context = context;
    }

    List<StreamingEventProcessor> all() {
        List<StreamingEventProcessor> found = processors;
        if (found == null) {
            found = find(ProcessingConfiguration.READ_MODEL_PREFIX);
            processors = found;
        }
        return found;
    }

    /** Read models and policies: everything a command's effects travel through before the next request reads them. */
    List<StreamingEventProcessor> followers() {
        List<StreamingEventProcessor> found = followers;
        if (found == null) {
            List<StreamingEventProcessor> all = new java.util.ArrayList<>(all());
            all.addAll(find(ProcessingConfiguration.POLICY_PREFIX));
            found = List.copyOf(all);
            followers = found;
        }
        return found;
    }

    private List<StreamingEventProcessor> find(String prefix) {
        return ProcessingConfiguration.groupsNamed(context, prefix).stream()
                .map(group -> processing.eventProcessor(group, EventProcessor.class)
                        .filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast)
                        .orElseThrow(() -> new IllegalStateException("no streaming processor " + group)))
                .toList();
    }
}
