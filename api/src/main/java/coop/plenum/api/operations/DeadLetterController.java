package coop.plenum.api.operations;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Caller;
import coop.plenum.governance.axon.DeadLetters;
import coop.plenum.governance.axon.EventMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/** Events a read model or policy could not handle, parked so they stall nobody: list, retry, skip (operator only). */
@RestController
@RequestMapping("/api/v1/operations/dead-letters")
@Tag(name = "Operations", description = "Platform operations (operator only)")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Parked events per processor, each with its cause and attempts (the first thousand)")
    Mono<DeadLettersResponse> list() {
        return Mono.fromCallable(() -> new DeadLettersResponse(deadLetters.parkedCounts(), deadLetters.list()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/{processor}/retry")
    @Operation(summary = "Try every parked sequence of a processor now, whatever its back-off")
    Mono<DeadLetters.RetryResult> retry(@PathVariable String processor) {
        return Mono.fromCallable(() -> deadLetters.retry(processor)).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/{processor}/skips")
    @Operation(summary = "Give up on one parked event with a reason (recorded as DeadLetterSkipped); the events behind it go on")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> skip(@PathVariable String processor, @RequestBody SkipRequest request,
                                    @AuthenticationPrincipal PlenumUser operator,
                                    @RequestHeader(value = "X-Correlation-Id", required = false) String correlation) {
        Caller caller = operator.caller(correlation);
        return Mono.fromRunnable(() -> deadLetters.skip(processor, request.eventIdentifier(), request.reason(), Map.of(
                        EventMetadata.ACTOR, caller.accountId().value(),
                        EventMetadata.CORRELATION_ID, caller.correlationId())))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** Which parked event to give up on, and why (1–500 characters, kept in the log). */
    record SkipRequest(String eventIdentifier, String reason) {
    }

    /** Parked events per processor, and the events themselves. */
    record DeadLettersResponse(Map<String, Long> parked, java.util.List<DeadLetters.ParkedEvent> events) {
    }
}
