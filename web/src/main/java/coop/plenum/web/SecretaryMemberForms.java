package coop.plenum.web;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.ChangeMemberClass;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.membership.SetRoles;
import coop.plenum.governance.membership.query.FindMember;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.kernel.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.EnumSet;
import java.util.List;

/**
 * A secretary's forms on a member's page: move an active member to another class, and grant or revoke SECRETARY and
 * AUDITOR. The cooperative decides who may (403 for anyone but a secretary) and keeps at least one secretary.
 */
@Controller
class SecretaryMemberForms {

    private final CooperativeAccess access;
    private final Queries queries;
    private final Commands commands;

    SecretaryMemberForms(CooperativeAccess access, Queries queries, Commands commands) {
        this.access = access;
        this.queries = queries;
        this.commands = commands;
    }

    @PostMapping("/cooperatives/{cooperativeId}/members/{memberId}/class-change")
    Mono<String> changeClass(@PathVariable String cooperativeId, @PathVariable String memberId, @AuthenticationPrincipal PlenumUser user,
                             ServerWebExchange exchange, Model model) {
        return member(cooperativeId, memberId).flatMap(member -> exchange.getFormData().flatMap(form ->
                send(cooperativeId, memberId, new ChangeMemberClass(new CooperativeId(cooperativeId), new MemberId(memberId),
                        form.getFirst("classId")), user, Words.of(model).say("notice.classChanged"), Words.of(model))));
    }

    @PostMapping("/cooperatives/{cooperativeId}/members/{memberId}/roles")
    Mono<String> roles(@PathVariable String cooperativeId, @PathVariable String memberId, @AuthenticationPrincipal PlenumUser user,
                       ServerWebExchange exchange, Model model) {
        return member(cooperativeId, memberId).flatMap(member -> exchange.getFormData().flatMap(form -> {
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            List<String> chosen = form.getOrDefault("role", List.of());
            if (chosen.contains("SECRETARY")) {
                roles.add(Role.SECRETARY);
            }
            if (chosen.contains("AUDITOR")) {
                roles.add(Role.AUDITOR);
            }
            return send(cooperativeId, memberId, new SetRoles(new CooperativeId(cooperativeId), member.accountId(), roles), user, Words.of(model).say("notice.rolesSaved"), Words.of(model));
        }));
    }

    private Mono<MemberView> member(String cooperativeId, String memberId) {
        // another cooperative's member is not found here, whatever the aggregate would have said
        return access.existing(cooperativeId)
                .flatMap(coop -> queries.one(new FindMember(coop.cooperativeId(), new MemberId(memberId)), MemberView.class))
                .switchIfEmpty(Mono.error(() -> new NotFound("membership.not-found", "no such member in this cooperative")));
    }

    private Mono<String> send(String cooperativeId, String memberId, Object command, PlenumUser user, String done, Words words) {
        String back = "/cooperatives/" + cooperativeId + "/members/" + memberId;
        return commands.send(command, user.caller(null))
                .thenReturn("redirect:" + back + "?notice=" + ApplicationPage.encode(done))
                .onErrorResume(f -> Refusal.shownOnThePage(f) && !(f instanceof coop.plenum.kernel.NotAllowed), refused -> Mono.just("redirect:" + back
                        + "?notice=" + ApplicationPage.encode(RefusalWords.say(refused, words))));
    }
}
