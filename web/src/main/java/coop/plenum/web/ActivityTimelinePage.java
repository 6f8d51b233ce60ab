package coop.plenum.web;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.activity.ActivityEntry;
import coop.plenum.governance.activity.ActivityPage;
import coop.plenum.governance.activity.FindActivity;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.query.FindMember;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cooperative's activity timeline (issue 14): who did what, when, twenty entries a page, newest first. Readers only
 * (members, the secretary, auditors): an applicant or an outsider gets the 403 page. What the timeline may show is
 * decided where it is built (ActivityProjection): never a ballot's content, never a hidden vote's ballots.
 */
@Controller
class ActivityTimelinePage {

    private final CooperativeAccess access;
    private final Queries queries;

    ActivityTimelinePage(CooperativeAccess access, Queries queries) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/cooperatives/{cooperativeId}/activity")
    Mono<String> show(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                      ServerWebExchange exchange) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            List<Violation> violations = new ArrayList<>();
            int page = PageNumber.parse(exchange.getRequest().getQueryParams().getFirst("page"), violations);
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            CooperativeId coop = granted.cooperative().cooperativeId();
            return queries.one(new FindActivity(coop, page - 1, PageNumber.SIZE), ActivityPage.class)
                    .flatMap(found -> names(coop, found.entries()).map(names -> {
                        model.addAttribute("user", user);
                        model.addAttribute("coop", granted.cooperative());
                        model.addAttribute("entries", found.entries());
                        model.addAttribute("names", names);
                        model.addAttribute("page", page);
                        model.addAttribute("newer", page > 1);
                        model.addAttribute("older", found.older());
                        return "activity";
                    }));
        });
    }

    /** The page's people by name: one lookup by key for each member named on it (at most two per entry). */
    private Mono<Map<String, String>> names(CooperativeId coop, List<ActivityEntry> entries) {
        Set<MemberId> named = new LinkedHashSet<>();
        entries.forEach(e -> {
            named.add(e.actor());
            named.add(e.subject());
        });
        named.remove(null);
        return Flux.fromIterable(named)
                .concatMap(m -> queries.one(new FindMember(coop, m), MemberView.class)
                        .map(v -> Map.entry(m.value(), v.displayName() == null ? m.value() : v.displayName()))
                        .defaultIfEmpty(Map.entry(m.value(), m.value())))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
