package coop.plenum.web;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.membership.query.CooperativeSummary;
import coop.plenum.governance.membership.query.FindCooperativesOf;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * "My cooperatives": where the signed-in person is a member, holds a role, or has applied; and what waits for them
 * there (votes, evaluations) with the latest decisions ({@link HomeAgenda}).
 */
@Controller
class HomePage {

    private final Queries queries;
    private final HomeAgenda agenda;

    HomePage(Queries queries, HomeAgenda agenda) {
        this.queries = queries;
        this.agenda = agenda;
    }

    @GetMapping("/")
    Mono<String> home(@AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        return queries.many(new FindCooperativesOf(user.accountId()), CooperativeSummary.class)
                .flatMap(cooperatives -> agenda.of(user, cooperatives).map(home -> {
                    model.addAttribute("user", user);
                    model.addAttribute("cooperatives", cooperatives);
                    model.addAttribute("home", home);
                    model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
                    return "home";
                }));
    }
}
