package coop.plenum.governance.axon;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final ReadModelProcessors readModels;
    private final ReadModelCatchUp catchUp;

    ReadModelRebuild(ReadModelProcessors readModels, ReadModelCatchUp catchUp) {
        this.readModels = readModels;
        this.catchUp = catchUp;
    }

    /** The result of a rebuild: which processors replayed, whether they caught up, and how long it took. */
    public record Result(List<String> processors, boolean caughtUp, Duration took) {
    }

    public synchronized Result rebuildAll(Duration timeout) {
        long start = System.nanoTime();
        List<String> groups = readModels.all().stream().map(StreamingEventProcessor::getName).toList();
        for (StreamingEventProcessor processor : readModels.all()) {
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
