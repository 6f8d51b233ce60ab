package coop.plenum.api.operations;

import java.util.List;

/**
 * What a rebuild did: the read-model processors that replayed the log, whether they caught up, how long it took,
 * how many events the log held when it started and how many of them it replayed per second.
 */
public record ReadModelRebuildResponse(List<String> processors, boolean caughtUp, long tookMillis, long events,
                                       long eventsPerSecond) {
}
