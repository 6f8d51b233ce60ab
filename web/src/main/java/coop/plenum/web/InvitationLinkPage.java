package coop.plenum.web;

import coop.plenum.api.invitation.Invitations;
import coop.plenum.api.support.AnonymousThrottle;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.RuleViolation;
import coop.plenum.kernel.StateConflict;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where an invitation link leads, open to anyone holding it: create an account (then signed in at once) or join as
 * the signed-in account. A link that was used, expired or was revoked gets a page that says which (410), a link
 * that never was one a plain "not valid" (404): never a server error.
 */
@Controller
class InvitationLinkPage {

    private final Invitations invitations;
    private final SessionSignIn sessions;

    InvitationLinkPage(Invitations invitations, SessionSignIn sessions) {
        this.invitations = invitations;
        this.sessions = sessions;
    }

    @GetMapping("/invitations/{invitationId}/{token}")
    Mono<String> show(@PathVariable String invitationId, @PathVariable String token, @AuthenticationPrincipal PlenumUser user,
                      Model model, ServerWebExchange exchange) {
        return invitations.open(invitationId, token).map(opened -> {
            model.addAttribute("user", user);
            model.addAttribute("opened", opened);
            model.addAttribute("token", token);
            return "invitation";
        }).onErrorResume(RuleViolation.class, refused -> closed(refused, user, model, exchange));
    }

    @PostMapping("/invitations/{invitationId}/{token}")
    Mono<String> accept(@PathVariable String invitationId, @PathVariable String token, @AuthenticationPrincipal PlenumUser user,
                        Model model, ServerWebExchange exchange) {
        String client = coop.plenum.web.InvitationLinkPage.clientOf(exchange);
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) -> Mono.fromCallable(() -> {
                    FormText.requireTypable(form);
                    return form;
                })
                .flatMap(valid -> user != null
                        ? invitations.accept(invitationId, token, user.accountId(), null, client).thenReturn("/")
                        : invitations.acceptWithNewAccount(invitationId, token, form.getFirst("username"), form.getFirst("displayName"),
                                form.getFirst("password"), null, client)
                                .flatMap(accepted -> sessions.signIn(form.getFirst("username").strip(), exchange)).thenReturn("/"))
                .map(home -> "redirect:/?notice=" + ApplicationPage.encode(Words.of(model).say("notice.welcomeInvited")))
                .onErrorResume(AnonymousThrottle.Throttled.class, throttled -> {
                    exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
                    return problem(model, user, HttpStatus.TOO_MANY_REQUESTS, Words.of(model).say("notice.tooManyAttemptsTitle"),
                            Words.of(model).say("notice.tooManyAttempts"));
                })
                .onErrorResume(RuleViolation.class, refused -> {
                    if (refused instanceof NotFound || (refused instanceof StateConflict && refused.code().startsWith("invitation."))) {
                        return closed(refused, user, model, exchange);
                    }
                    // a taken username, a short password: show the form again with the reason, nothing stored
                    exchange.getResponse().setStatusCode(PageProblem.statusOf(refused));
                    return invitations.open(invitationId, token).map(opened -> {
                        model.addAttribute("user", user);
                        model.addAttribute("opened", opened);
            model.addAttribute("token", token);
                        model.addAttribute("error", RefusalWords.say(refused, Words.of(model)));
                        model.addAttribute("username", FormText.shown(form.getFirst("username")));
                        model.addAttribute("displayName", FormText.shown(form.getFirst("displayName")));
                        return "invitation";
                    }).onErrorResume(RuleViolation.class, gone -> closed(gone, user, model, exchange));
                }));
    }

    private Mono<String> closed(RuleViolation refused, PlenumUser user, Model model, ServerWebExchange exchange) {
        if (refused instanceof NotFound) {
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return problem(model, user, HttpStatus.NOT_FOUND, Words.of(model).say("notice.invitationNotFound"), RefusalWords.say(refused, Words.of(model)));
        }
        if (refused instanceof StateConflict && refused.code().startsWith("invitation.")) {
            exchange.getResponse().setStatusCode(HttpStatus.GONE);
            return problem(model, user, HttpStatus.GONE, Words.of(model).say("notice.invitationUnusable"), RefusalWords.say(refused, Words.of(model)));
        }
        return Mono.error(refused);
    }

    private static Mono<String> problem(Model model, PlenumUser user, HttpStatus status, String title, String message) {
        model.addAttribute("user", user);
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return Mono.just("problem");
    }

    static String clientOf(ServerWebExchange exchange) {
        var address = exchange.getRequest().getRemoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }
}
