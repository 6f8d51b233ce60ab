package coop.plenum.web;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.membership.AdmitMember;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.ReinstateMember;
import coop.plenum.governance.membership.RejectApplication;
import coop.plenum.governance.membership.SuspendMember;
import coop.plenum.governance.membership.WithdrawMembership;
import coop.plenum.governance.membership.query.FindMember;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.kernel.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.function.BiFunction;

/** A member's page with the history of their membership, and the one-click membership actions. */
@Controller
class MemberPage {

    private static final Map<String, BiFunction<CooperativeId, MemberId, Object>> ACTIONS = Map.of(
            "admit", AdmitMember::new,
            "reject", RejectApplication::new,
            "suspend", SuspendMember::new,
            "reinstate", ReinstateMember::new,
            "withdraw", WithdrawMembership::new);

    private final CooperativeAccess access;
    private final Queries queries;
    private final Commands commands;

    MemberPage(CooperativeAccess access, Queries queries, Commands commands) {
        this.access = access;
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping("/cooperatives/{cooperativeId}/members/{memberId}")
    Mono<String> show(@PathVariable String cooperativeId, @PathVariable String memberId, @AuthenticationPrincipal PlenumUser user,
                      Model model, org.springframework.web.server.ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        return access.requireReader(cooperativeId, user).flatMap(granted ->
                queries.one(new FindMember(granted.cooperative().cooperativeId(), new MemberId(memberId)), MemberView.class)
                        .switchIfEmpty(Mono.error(() -> new NotFound("membership.not-found", "no such member in this cooperative")))
                        .map(member -> {
                            model.addAttribute("user", user);
                            model.addAttribute("coop", granted.cooperative());
                            model.addAttribute("member", member);
                            model.addAttribute("secretary", granted.access().roles().contains(Role.SECRETARY));
                            model.addAttribute("self", member.accountId().equals(user.accountId()));
                            model.addAttribute("classNames", granted.cooperative().charter().classes().stream()
                                    .collect(java.util.stream.Collectors.toMap(c -> c.id(), c -> c.name())));
                            return "member";
                        }));
    }

    @PostMapping("/cooperatives/{cooperativeId}/members/{memberId}/{action}")
    Mono<String> act(@PathVariable String cooperativeId, @PathVariable String memberId, @PathVariable String action,
                     @AuthenticationPrincipal PlenumUser user, Model model, org.springframework.web.server.ServerWebExchange exchange) {
        var command = ACTIONS.get(action);
        if (command == null) {
            return Mono.error(new NotFound("page.not-found", "no such action"));
        }
        String back = "withdraw".equals(action) ? "/" : "/cooperatives/" + cooperativeId;
        // another cooperative's member is not found here, whatever the aggregate would have said
        return access.existing(cooperativeId)
                .flatMap(coop -> queries.one(new FindMember(coop.cooperativeId(), new MemberId(memberId)), MemberView.class))
                .switchIfEmpty(Mono.error(() -> new NotFound("membership.not-found", "no such member in this cooperative")))
                .zipWith(exchange.getFormData())
                .flatMap(found -> ConfirmStep.asksFirst(action) && !ConfirmStep.confirmed(found.getT2())
                        // suspending, rejecting and leaving ask first, also without JavaScript
                        ? Mono.just(ConfirmStep.member(action, "/cooperatives/" + cooperativeId,
                                "/cooperatives/" + cooperativeId + "/members/" + memberId,
                                found.getT1().displayName() == null ? Words.of(model).say("member.thisMember") : found.getT1().displayName()).shownOn(model, user))
                        : commands.send(command.apply(new CooperativeId(cooperativeId), new MemberId(memberId)), user.caller(null))
                                .thenReturn("redirect:" + back + "?notice=" + ApplicationPage.encode(Words.of(model).say("notice." + done(action)))))
                .onErrorResume(Refusal::shownOnThePage, refused -> Mono.just("redirect:/cooperatives/" + cooperativeId
                        + "?notice=" + ApplicationPage.encode(RefusalWords.say(refused, Words.of(model)))));
    }

    private static String done(String action) {
        return switch (action) {
            case "admit", "reject", "suspend", "reinstate" -> action;
            default -> "withdraw";
        };
    }
}
