package coop.plenum.web;

import coop.plenum.api.account.SignUps;
import coop.plenum.api.support.AnonymousThrottle;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Open sign-up, when the operator allows it; otherwise this page does not exist (404). */
@Controller
class SignUpPage {

    private final SignUps signUps;
    private final SessionSignIn sessions;

    SignUpPage(SignUps signUps, SessionSignIn sessions) {
        this.signUps = signUps;
        this.sessions = sessions;
    }

    @GetMapping("/signup")
    Mono<String> form(Model model, ServerWebExchange exchange) {
        return signUps.open().flatMap(open -> open ? Mono.just("signup") : notFound(model, exchange));
    }

    @PostMapping("/signup")
    Mono<String> signUp(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) -> Mono.fromCallable(() -> {
                    FormText.requireTypable(form);
                    return form;
                })
                .flatMap(valid -> signUps.signUp(form.getFirst("username"), form.getFirst("displayName"), form.getFirst("password"),
                        form.getFirst("email"), InvitationLinkPage.clientOf(exchange)))
                .flatMap(id -> sessions.signIn(form.getFirst("username").strip(), exchange))
                .thenReturn("redirect:/?notice=" + ApplicationPage.encode(Words.of(model).say("notice.welcomeSignedUp")))
                .onErrorResume(NotFound.class, off -> notFound(model, exchange))
                .onErrorResume(AnonymousThrottle.Throttled.class, throttled -> {
                    exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                    model.addAttribute("status", 429);
                    model.addAttribute("title", Words.of(model).say("notice.tooManyAttemptsTitle"));
                    model.addAttribute("message", Words.of(model).say("notice.signUpThrottled"));
                    return Mono.just("problem");
                })
                .onErrorResume(RuleViolation.class, refused -> {
                    exchange.getResponse().setStatusCode(PageProblem.statusOf(refused));
                    model.addAttribute("error", RefusalWords.say(refused, Words.of(model)));
                    model.addAttribute("username", FormText.shown(form.getFirst("username")));
                    model.addAttribute("displayName", FormText.shown(form.getFirst("displayName")));
                    model.addAttribute("email", FormText.shown(form.getFirst("email")));
                    return Mono.just("signup");
                }));
    }

    private static Mono<String> notFound(Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("title", Words.of(model).say("notice.notFoundTitle"));
        model.addAttribute("message", Words.of(model).say("notice.signUpByInvitation"));
        return Mono.just("problem");
    }
}
