package coop.plenum.api.webhook;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.webhook.DeleteWebhook;
import coop.plenum.governance.webhook.DisableWebhook;
import coop.plenum.governance.webhook.EnableWebhook;
import coop.plenum.governance.webhook.SendTestDelivery;
import coop.plenum.governance.webhook.WebhookId;
import coop.plenum.governance.webhook.delivery.WebhookDirectory;
import coop.plenum.kernel.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

@RestController
@RequestMapping("/api/v1/cooperatives/{cooperativeId}/webhooks")
@Tag(name = "Webhooks", description = "A cooperative's secretaries register HTTPS URLs that receive signed JSON deliveries "
        + "of chosen kinds (docs/integrations.md): payloads, the X-Plenum-Signature recipe, retries, the delivery log.")
class WebhookController {

    private static final String CORRELATION = "X-Correlation-Id";

    private final Commands commands;
    private final CooperativeAccess access;
    private final WebhookDirectory directory;
    private final WebhookRegistration registration;
    private final Clock clock;

    WebhookController(Commands commands, CooperativeAccess access, WebhookDirectory directory,
                      WebhookRegistration registration, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.directory = directory;
        this.registration = registration;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a webhook; its signing secret is in this answer only",
            responses = {@ApiResponse(responseCode = "201", description = "registered; `secret` verifies X-Plenum-Signature"),
                    @ApiResponse(responseCode = "400", description = "bad or refused url (private, link-local, plain http), unknown event kind (problem+json naming the field)"),
                    @ApiResponse(responseCode = "403", description = "not a secretary of the cooperative")})
    Mono<ResponseEntity<WebhookJson>> register(@PathVariable String cooperativeId, @RequestBody RegisterWebhookRequest request,
                                               @AuthenticationPrincipal PlenumUser user,
                                               @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return secretary(cooperativeId, user)
                .then(registration.register(cooperativeId, request.url(), request.events(), user, correlation))
                .map(registered -> ResponseEntity
                        .created(URI.create("/api/v1/cooperatives/" + cooperativeId + "/webhooks/" + registered.webhookId()))
                        .body(new WebhookJson(registered.webhookId(), request.url().strip(), List.copyOf(request.events()), true,
                                clock.instant(), registered.secret())));
    }

    @GetMapping
    @Operation(summary = "The cooperative's webhooks (never their secrets)")
    Flux<WebhookJson> list(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return secretary(cooperativeId, user)
                .then(blocking(() -> directory.of(cooperativeId)))
                .flatMapIterable(Function.identity())
                .map(WebhookJson::of);
    }

    @GetMapping("/{webhookId}")
    @Operation(summary = "One webhook")
    Mono<WebhookJson> one(@PathVariable String cooperativeId, @PathVariable String webhookId, @AuthenticationPrincipal PlenumUser user) {
        return secretary(cooperativeId, user)
                .then(blocking(() -> directory.find(cooperativeId, webhookId).orElseThrow(notFound(webhookId))))
                .map(WebhookJson::of);
    }

    @GetMapping("/{webhookId}/deliveries")
    @Operation(summary = "The webhook's delivery log, newest first (the last 100): status, attempts, response codes, latency, errors")
    Flux<DeliveryJson> deliveries(@PathVariable String cooperativeId, @PathVariable String webhookId,
                                  @AuthenticationPrincipal PlenumUser user) {
        return secretary(cooperativeId, user)
                .then(blocking(() -> {
                    directory.find(cooperativeId, webhookId).orElseThrow(notFound(webhookId));
                    return directory.deliveries(webhookId);
                }))
                .flatMapIterable(Function.identity())
                .map(DeliveryJson::of);
    }

    @PostMapping("/{webhookId}/test")
    @Operation(summary = "Queue a test delivery (kind webhook.test) to this webhook",
            responses = @ApiResponse(responseCode = "202", description = "queued; watch the delivery log"))
    Mono<ResponseEntity<Void>> test(@PathVariable String cooperativeId, @PathVariable String webhookId,
                                    @AuthenticationPrincipal PlenumUser user,
                                    @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return act(cooperativeId, webhookId, user, correlation, SendTestDelivery::new)
                .thenReturn(ResponseEntity.accepted().build());
    }

    @PostMapping("/{webhookId}/disable")
    @Operation(summary = "Stop deliveries to this webhook (queued ones wait; events meanwhile are not queued)")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> disable(@PathVariable String cooperativeId, @PathVariable String webhookId,
                                       @AuthenticationPrincipal PlenumUser user,
                                       @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return act(cooperativeId, webhookId, user, correlation, DisableWebhook::new)
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/{webhookId}/enable")
    @Operation(summary = "Resume deliveries to this webhook")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> enable(@PathVariable String cooperativeId, @PathVariable String webhookId,
                                      @AuthenticationPrincipal PlenumUser user,
                                      @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return act(cooperativeId, webhookId, user, correlation, EnableWebhook::new)
                .thenReturn(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/{webhookId}")
    @Operation(summary = "Delete this webhook; queued deliveries are cancelled")
    @ApiResponse(responseCode = "204", description = "done; no body")
    Mono<ResponseEntity<Void>> delete(@PathVariable String cooperativeId, @PathVariable String webhookId,
                                      @AuthenticationPrincipal PlenumUser user,
                                      @RequestHeader(value = CORRELATION, required = false) String correlation) {
        return act(cooperativeId, webhookId, user, correlation, DeleteWebhook::new)
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<Object> act(String cooperativeId, String webhookId, PlenumUser user, String correlation,
                             java.util.function.BiFunction<WebhookId, CooperativeId, Object> command) {
        return secretary(cooperativeId, user)
                .then(Mono.fromCallable(() -> command.apply(webhookIdOrNotFound(webhookId), new CooperativeId(cooperativeId))))
                .flatMap(c -> commands.sendUnder(cooperativeId, c, user.caller(correlation), notFound(webhookId)));
    }

    private Mono<CooperativeAccess.Granted> secretary(String cooperativeId, PlenumUser user) {
        return access.requireAnyRole(cooperativeId, user, Role.SECRETARY);
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
    }

    private static WebhookId webhookIdOrNotFound(String webhookId) {
        try {
            return new WebhookId(webhookId);
        } catch (IllegalArgumentException malformed) {
            throw notFound(webhookId).get();
        }
    }

    private static Supplier<NotFound> notFound(String webhookId) {
        return () -> new NotFound("webhook.not-found", "no webhook '" + webhookId + "' here");
    }
}
