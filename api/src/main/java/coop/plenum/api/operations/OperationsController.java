package coop.plenum.api.operations;

import coop.plenum.governance.axon.ReadModelRebuild;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
                .map(r -> new ReadModelRebuildResponse(r.processors(), r.caughtUp(), r.took().toMillis()));
    }
}
