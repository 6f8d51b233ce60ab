package coop.plenum.governance.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Throws every read model away and rebuilds it from the event log: each read-model processor is stopped, its
 * projection's reset handler drops its collections, its token goes back to the start of the log, and it replays.
 * Blocks until the read models have caught up with the log (or the timeout passes).
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventProcessingConfiguration processing;
    private final ApplicationContext context;
    private final ReadModelCatchUp catchUp;

    ReadModelRebuild(EventProcessingConfiguration processing, ApplicationContext context, ReadModelCatchUp catchUp) {
        this.processing = processing;
        this.context = context;
        this.catchUp = catchUp;
    }

    /** The result of a rebuild: which processors replayed, whether they caught up, and how long it took. */
    public record Result(List<String> processors, boolean caughtUp, Duration took) {
    }

    public synchronized Result rebuildAll(Duration timeout) {
        long start = System.nanoTime();
        List<String> groups = List.copyOf(ProcessingConfiguration.readModelGroups(context));
        for (String group : groups) {
            StreamingEventProcessor processor = processing.eventProcessor(group, EventProcessor.class)
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .orElseThrow(() -> new IllegalStateException("no streaming processor " + group));
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        boolean caughtUp = catchUp.awaitCaughtUp(timeout);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("Rebuilt read models {} from the event log in {} ms (caught up: {})", groups, took.toMillis(), caughtUp);
        return new Result(groups, caughtUp, took);
    }
}
