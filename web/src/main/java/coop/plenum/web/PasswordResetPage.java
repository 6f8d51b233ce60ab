package coop.plenum.web;

import coop.plenum.api.account.PasswordResets;
import coop.plenum.api.support.AnonymousThrottle;
import coop.plenum.kernel.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * "Forgot password": ask by username or address (the page answers the same either way), then choose a new password
 * through the mailed link.
 */
@Controller
class PasswordResetPage {

    private final PasswordResets resets;

    PasswordResetPage(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/password-reset")
    String form() {
        return "password-reset";
    }

    @PostMapping("/password-reset")
    Mono<String> request(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) ->
                resets.request(form.getFirst("login"), InvitationLinkPage.clientOf(exchange))
                        .then(Mono.fromCallable(() -> {
                            model.addAttribute("asked", true);
                            return "password-reset";
                        }))
                        .onErrorResume(AnonymousThrottle.Throttled.class, throttled -> throttled(exchange, model, throttled)));
    }

    @GetMapping("/password-reset/{accountId}/{token}")
    String newPasswordForm(@PathVariable String accountId, @PathVariable String token, Model model) {
        model.addAttribute("accountId", accountId);
        model.addAttribute("token", token);
        return "password-new";
    }

    @PostMapping("/password-reset/{accountId}/{token}")
    Mono<String> reset(@PathVariable String accountId, @PathVariable String token, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) ->
                resets.reset(accountId, token, form.getFirst("password"), InvitationLinkPage.clientOf(exchange))
                        .thenReturn("redirect:/login?reset")
                        .onErrorResume(AnonymousThrottle.Throttled.class, throttled -> throttled(exchange, model, throttled))
                        .onErrorResume(RuleViolation.class, refused -> {
                            exchange.getResponse().setStatusCode(PageProblem.statusOf(refused));
                            model.addAttribute("accountId", accountId);
                            model.addAttribute("token", token);
                            model.addAttribute("error", RefusalWords.say(refused, Words.of(model)));
                            return Mono.just("password-new");
                        }));
    }

    private static Mono<String> throttled(ServerWebExchange exchange, Model model, AnonymousThrottle.Throttled throttled) {
        exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
        model.addAttribute("status", 429);
        model.addAttribute("title", Words.of(model).say("notice.tooManyAttemptsTitle"));
        model.addAttribute("message", Words.of(model).say("notice.tooManyAttempts"));
        return Mono.just("problem");
    }
}
