package coop.plenum.web;

import coop.plenum.api.invitation.InvitationLines;
import coop.plenum.api.invitation.Invitations;
import coop.plenum.api.invitation.SentInvitation;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.governance.invitation.query.InvitationView;
import coop.plenum.governance.membership.Role;
import coop.plenum.kernel.InvalidInput;
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

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A secretary's invitations: paste addresses (or {@code email,classId} lines), see what was sent, resend or revoke.
 * With email off, the links are shown here once, right after inviting, to pass on by hand.
 */
@Controller
class InvitationsPage {

    private final CooperativeAccess access;
    private final Invitations invitations;
    private final Clock clock;

    InvitationsPage(CooperativeAccess access, Invitations invitations, Clock clock) {
        this.access = access;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** One row of the list, with the status as of now (EXPIRED comes from the clock). */
    record Row(InvitationView invitation, String status, String className) {
    }

    /** An invitation just sent, as the secretary reads it; the page says its delivery ({@code invitations.delivery.*}). */
    record Sent(String email, String delivery, String link) {
        static List<Sent> of(List<SentInvitation> sent) {
            return sent.stream().map(s -> new Sent(s.email(), s.delivery().name(), s.link())).toList();
        }
    }

    @GetMapping("/cooperatives/{cooperativeId}/invitations")
    Mono<String> show(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                      ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        return page(cooperativeId, user, model);
    }

    private Mono<String> page(String cooperativeId, PlenumUser user, Model model) {
        return access.requireAnyRole(cooperativeId, user, Role.SECRETARY).flatMap(granted ->
                invitations.list(granted.cooperative().cooperativeId()).map(list -> {
                    var coop = granted.cooperative();
                    var names = coop.charter().classes().stream().collect(Collectors.toMap(c -> c.id(), c -> c.name()));
                    model.addAttribute("user", user);
                    model.addAttribute("coop", coop);
                    model.addAttribute("rows", list.stream().map(v -> new Row(v, v.statusAt(clock.instant()).name(),
                            names.getOrDefault(v.classId(), v.classId()))).toList());
                    if (!model.containsAttribute("chosenClass")) {
                        model.addAttribute("chosenClass", coop.charter().classes().get(0).id());
                    }
                    return "invitations";
                }));
    }

    @PostMapping("/cooperatives/{cooperativeId}/invitations")
    Mono<String> invite(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange,
                        Model model) {
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) -> Mono.fromCallable(() -> {
                    FormText.requireTypable(form);
                    return InvitationLines.parse(form.getFirst("people"), form.getFirst("classId"));
                })
                .flatMap(lines -> invitations.invite(cooperativeId, lines, days(form.getFirst("validForDays")), user.displayName(),
                        user.caller(null)))
                .flatMap(sent -> {
                    model.addAttribute("sent", Sent.of(sent));
                    model.addAttribute("linksShown", sent.stream().anyMatch(s -> s.link() != null));
                    return page(cooperativeId, user, model);
                })
                .onErrorResume(RuleViolation.class, refused -> {
                    exchange.getResponse().setStatusCode(PageProblem.statusOf(refused));
                    model.addAttribute("errors", RefusalWords.sayAll(refused, Words.of(model)));
                    model.addAttribute("people", FormText.shown(form.getFirst("people")));
                    model.addAttribute("chosenClass", FormText.shown(form.getFirst("classId")));
                    model.addAttribute("validForDays", FormText.shown(form.getFirst("validForDays")));
                    return page(cooperativeId, user, model);
                }));
    }

    @PostMapping("/cooperatives/{cooperativeId}/invitations/{invitationId}/resend")
    Mono<String> resend(@PathVariable String cooperativeId, @PathVariable String invitationId,
                        @AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        return invitations.resend(cooperativeId, invitationId, null, user.displayName(), user.caller(null))
                .flatMap(sent -> {
                    model.addAttribute("sent", Sent.of(List.of(sent)));
                    model.addAttribute("linksShown", sent.link() != null);
                    return page(cooperativeId, user, model);
                })
                .onErrorResume(RuleViolation.class, refused -> refusedAction(cooperativeId, user, model, exchange, refused));
    }

    @PostMapping("/cooperatives/{cooperativeId}/invitations/{invitationId}/revoke")
    Mono<String> revoke(@PathVariable String cooperativeId, @PathVariable String invitationId,
                        @AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        return invitations.revoke(cooperativeId, invitationId, user.caller(null))
                .thenReturn("redirect:/cooperatives/" + cooperativeId + "/invitations?notice=" + ApplicationPage.encode(Words.of(model).say("notice.invitationRevoked")))
                .onErrorResume(RuleViolation.class, refused -> refusedAction(cooperativeId, user, model, exchange, refused));
    }

    private Mono<String> refusedAction(String cooperativeId, PlenumUser user, Model model, ServerWebExchange exchange, RuleViolation refused) {
        if (refused instanceof coop.plenum.kernel.NotAllowed) {
            return Mono.error(refused);
        }
        exchange.getResponse().setStatusCode(PageProblem.statusOf(refused));
        model.addAttribute("errors", RefusalWords.sayAll(refused, Words.of(model)));
        return page(cooperativeId, user, model);
    }

    private static Integer days(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("validForDays", "invitation.validity-out-of-range", "valid for is a number of days, 1 to 30");
        }
    }
}
