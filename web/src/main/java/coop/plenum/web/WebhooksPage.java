package coop.plenum.web;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.webhook.WebhookRegistration;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.webhook.DeleteWebhook;
import coop.plenum.governance.webhook.DisableWebhook;
import coop.plenum.governance.webhook.EnableWebhook;
import coop.plenum.governance.webhook.SendTestDelivery;
import coop.plenum.governance.webhook.WebhookId;
import coop.plenum.governance.webhook.WebhookKind;
import coop.plenum.governance.webhook.delivery.WebhookDirectory;
import coop.plenum.kernel.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The secretary's webhooks: the list with enable, disable, delete and "send a test delivery", a form to add one (its
 * secret shown on the page once), and each webhook's delivery log.
 */
@Controller
class WebhooksPage {

    private final CooperativeAccess access;
    private final Commands commands;
    private final WebhookDirectory directory;
    private final WebhookRegistration registration;

    WebhooksPage(CooperativeAccess access, Commands commands, WebhookDirectory directory, WebhookRegistration registration) {
        this.access = access;
        this.commands = commands;
        this.directory = directory;
        this.registration = registration;
    }

    @GetMapping("/cooperatives/{cooperativeId}/webhooks")
    Mono<String> list(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                      ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        return show(cooperativeId, user, model, null, null, List.of());
    }

    private Mono<String> show(String cooperativeId, PlenumUser user, Model model, String newSecret, String refusal,
                              List<String> checked) {
        return secretary(cooperativeId, user).flatMap(granted -> Mono.fromCallable(() -> directory.of(cooperativeId))
                .subscribeOn(Schedulers.boundedElastic())
                .map(webhooks -> {
                    model.addAttribute("user", user);
                    model.addAttribute("coop", granted.cooperative());
                    model.addAttribute("webhooks", webhooks);
                    model.addAttribute("kinds", Arrays.stream(WebhookKind.values()).filter(WebhookKind::subscribable)
                            .map(WebhookKind::wireName).toList());
                    model.addAttribute("checked", checked);
                    model.addAttribute("newSecret", newSecret);
                    model.addAttribute("refusal", refusal);
                    return "webhooks";
                }));
    }

    @PostMapping("/cooperatives/{cooperativeId}/webhooks")
    Mono<String> add(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                     ServerWebExchange exchange) {
        return secretary(cooperativeId, user).then(exchange.getFormData()).flatMap(form -> {
            FormText.requireTypable(form);
            String url = form.getFirst("url") == null ? "" : form.getFirst("url");
            List<String> kinds = form.getOrDefault("events", List.of());
            model.addAttribute("url", url);
            return registration.register(cooperativeId, url, kinds, user, null)
                    .flatMap(registered -> show(cooperativeId, user, model, registered.secret(), null, List.of()))
                    .onErrorResume(Refusal::shownOnThePage, refused -> show(cooperativeId, user, model, null,
                            RefusalWords.say(refused, Words.of(model)), kinds));
        });
    }

    @PostMapping("/cooperatives/{cooperativeId}/webhooks/{webhookId}/{action}")
    Mono<String> act(@PathVariable String cooperativeId, @PathVariable String webhookId, @PathVariable String action,
                     @AuthenticationPrincipal PlenumUser user, Model model) {
        Function<WebhookId, Object> command = switch (action) {
            case "test" -> id -> new SendTestDelivery(id, new CooperativeId(cooperativeId));
            case "disable" -> id -> new DisableWebhook(id, new CooperativeId(cooperativeId));
            case "enable" -> id -> new EnableWebhook(id, new CooperativeId(cooperativeId));
            case "delete" -> id -> new DeleteWebhook(id, new CooperativeId(cooperativeId));
            default -> null;
        };
        if (command == null) {
            return Mono.error(notFound(webhookId));
        }
        String done = Words.of(model).say("notice." + switch (action) {
            case "test", "disable", "enable" -> action;
            default -> "delete";
        });
        return secretary(cooperativeId, user)
                .then(Mono.fromCallable(() -> command.apply(webhookIdOrNotFound(webhookId))))
                .flatMap(c -> commands.sendUnder(cooperativeId, c, user.caller(null), () -> notFound(webhookId)))
                .thenReturn(redirect(cooperativeId, done))
                .onErrorResume(Refusal::shownOnThePage, refused -> Mono.just(redirect(cooperativeId, RefusalWords.say(refused, Words.of(model)))));
    }

    @GetMapping("/cooperatives/{cooperativeId}/webhooks/{webhookId}")
    Mono<String> deliveries(@PathVariable String cooperativeId, @PathVariable String webhookId,
                            @AuthenticationPrincipal PlenumUser user, Model model) {
        return secretary(cooperativeId, user).flatMap(granted -> Mono.fromCallable(() -> {
                    var webhook = directory.find(cooperativeId, webhookId).orElseThrow(() -> notFound(webhookId));
                    model.addAttribute("user", user);
                    model.addAttribute("coop", granted.cooperative());
                    model.addAttribute("webhook", webhook);
                    model.addAttribute("deliveries", directory.deliveries(webhookId));
                    return "webhook-deliveries";
                }).subscribeOn(Schedulers.boundedElastic()));
    }

    private Mono<CooperativeAccess.Granted> secretary(String cooperativeId, PlenumUser user) {
        return access.requireAnyRole(cooperativeId, user, Role.SECRETARY);
    }

    private static WebhookId webhookIdOrNotFound(String webhookId) {
        try {
            return new WebhookId(webhookId);
        } catch (IllegalArgumentException malformed) {
            throw notFound(webhookId);
        }
    }

    private static NotFound notFound(String webhookId) {
        return new NotFound("webhook.not-found", "no webhook '" + webhookId + "' here");
    }

    private static String redirect(String cooperativeId, String notice) {
        return "redirect:/cooperatives/" + cooperativeId + "/webhooks?notice=" + ApplicationPage.encode(notice);
    }
}
