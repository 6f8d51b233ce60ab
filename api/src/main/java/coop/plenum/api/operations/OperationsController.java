package coop.plenum.api.operations;

import coop.plenum.governance.axon.ReadModelRebuild;
import coop.plenum.kernel.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/** Platform operations, for operators only. */
@RestController
@RequestMapping("/api/v1/operations")
@Tag(name = "Operations", description = "Platform operations (operator only)")
class OperationsController {

    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(10);

    private final ReadModelRebuild rebuild;

    OperationsController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/read-model-rebuild")
    @Operation(summary = "Drop every read model and rebuild it from the event log; answers when caught up")
    Mono<ReadModelRebuildResponse> rebuildReadModels() {
        return Mono.fromCallable(() -> rebuild.rebuildAll(REBUILD_TIMEOUT))
                .subscribeOn(Schedulers.boundedElastic())
                .map(OperationsController::response);
    }

    @GetMapping("/read-model-rebuild")
    @Operation(summary = "Progress of the running read-model rebuild (or the last one since this node started): "
            + "log position reached, percent, events per second, per processor; 404 if there was none")
    Mono<ReadModelRebuildProgressResponse> rebuildProgress() {
        return Mono.justOrEmpty(rebuild.progress()).map(ReadModelRebuildProgressResponse::of)
                .switchIfEmpty(Mono.error(() -> new NotFound("operations.no-rebuild", "no read-model rebuild has run on this node since it started")));
    }

    static ReadModelRebuildResponse response(ReadModelRebuild.Result r) {
        return new ReadModelRebuildResponse(r.processors(), r.caughtUp(), r.took().toMillis(), r.events(), r.eventsPerSecond());
    }
}
