package coop.plenum.web;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.membership.query.MemberView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A cooperative's page: its charter, its member directory and, for secretaries, the admission queue. */
@Controller
class CooperativePage {

    private final CooperativeAccess access;
    private final Queries queries;

    CooperativePage(CooperativeAccess access, Queries queries) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/cooperatives/{cooperativeId}")
    Mono<String> show(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                      ServerWebExchange exchange) {
        return access.requireReader(cooperativeId, user)
                .flatMap(granted -> queries.many(new FindMembers(granted.cooperative().cooperativeId()), MemberView.class)
                        .map(members -> {
                            var coop = granted.cooperative();
                            Map<String, Long> perClass = new TreeMap<>();
                            coop.charter().classes().forEach(c -> perClass.put(c.id(), 0L));
                            members.stream().filter(MemberView::holdsMembership).forEach(m -> perClass.merge(m.classId(), 1L, Long::sum));
                            List<MemberView> applicants = members.stream().filter(m -> m.status() == MemberStatus.APPLIED).toList();
                            List<MemberView> directory = members.stream().filter(m -> m.status() != MemberStatus.APPLIED).toList();
                            model.addAttribute("user", user);
                            model.addAttribute("coop", coop);
                            model.addAttribute("myRoles", granted.access().roles());
                            model.addAttribute("secretary", granted.access().roles().contains(Role.SECRETARY));
                            model.addAttribute("applicants", applicants);
                            model.addAttribute("members", directory);
                            model.addAttribute("perClass", perClass);
                            model.addAttribute("classNames", coop.charter().classes().stream()
                                    .collect(Collectors.toMap(c -> c.id(), c -> c.name())));
                            model.addAttribute("inviteUrl", exchange.getRequest().getURI().resolve("/cooperatives/" + cooperativeId + "/apply"));
                            model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
                            return "cooperative";
                        }));
    }
}
