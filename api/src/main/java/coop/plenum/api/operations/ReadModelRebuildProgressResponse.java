package coop.plenum.api.operations;

import coop.plenum.governance.axon.ReadModelRebuild;

import java.util.List;

/**
 * Where the running (or last) rebuild stands: the log position it replays to, the slowest processor's position,
 * the percent and rate so far, and each processor's position; {@code result} once it has finished.
 */
record ReadModelRebuildProgressResponse(boolean running, String startedAt, long logHead, long position, int percent,
                                        long eventsPerSecond, List<ProcessorJson> processors, ReadModelRebuildResponse result) {

    record ProcessorJson(String name, long position) {
    }

    static ReadModelRebuildProgressResponse of(ReadModelRebuild.Progress progress) {
        ReadModelRebuild.Result done = progress.result();
        return new ReadModelRebuildProgressResponse(progress.running(), progress.startedAt().toString(), progress.logHead(),
                progress.slowestPosition(), progress.percent(), progress.eventsPerSecond(),
                progress.processors().stream().map(p -> new ProcessorJson(p.name(), p.position())).toList(),
                done == null ? null : OperationsController.response(done));
    }
}
