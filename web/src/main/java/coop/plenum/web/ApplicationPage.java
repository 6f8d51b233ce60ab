package coop.plenum.web;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.governance.membership.ApplyForMembership;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Applying to a cooperative through its invitation link. The charter's classes are shown to any signed-in account
 * here, because choosing one is what applying means.
 */
@Controller
class ApplicationPage {

    private final CooperativeAccess access;
    private final Commands commands;
    private final IdGenerator ids;

    ApplicationPage(CooperativeAccess access, Commands commands, IdGenerator ids) {
        this.access = access;
        this.commands = commands;
        this.ids = ids;
    }

    @GetMapping("/cooperatives/{cooperativeId}/apply")
    Mono<String> form(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model) {
        return access.existing(cooperativeId).map(coop -> {
            model.addAttribute("user", user);
            model.addAttribute("coop", coop);
            return "apply";
        });
    }

    @PostMapping("/cooperatives/{cooperativeId}/apply")
    Mono<String> apply(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange,
                       Model model) {
        return access.existing(cooperativeId).flatMap(coop -> exchange.getFormData().flatMap((MultiValueMap<String, String> form) ->
                Mono.fromCallable(() -> {
                            FormText.requireTypable(form);
                            return new ApplyForMembership(coop.cooperativeId(), new MemberId(ids.newId()), user.accountId(),
                                    form.getFirst("classId"));
                        })
                        .flatMap(command -> commands.send(command, user.caller(null)))
                        .thenReturn("redirect:/?notice=" + encode(Words.of(model).say("notice.applicationSent")))
                        .onErrorResume(RuleViolation.class, refused -> {
                            exchange.getResponse().setStatusCode(PageProblem.statusOf(refused));
                            model.addAttribute("user", user);
                            model.addAttribute("coop", coop);
                            model.addAttribute("error", RefusalWords.say(refused, Words.of(model)));
                            model.addAttribute("chosenClass", FormText.shown(form.getFirst("classId")));
                            return Mono.just("apply");
                        })));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
