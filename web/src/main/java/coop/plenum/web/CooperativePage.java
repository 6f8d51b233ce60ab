package coop.plenum.web;

import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.query.AccountView;
import coop.plenum.governance.account.query.FindAccounts;
import coop.plenum.governance.cooperative.Role;
import coop.plenum.governance.cooperative.query.CooperativeView;
import coop.plenum.governance.cooperative.query.SeatView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A cooperative's page: its charter (classes with weights and quorums, rules) and its members. */
@Controller
class CooperativePage {

    private final CooperativeAccess access;
    private final Queries queries;

    CooperativePage(CooperativeAccess access, Queries queries) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/cooperatives/{cooperativeId}")
    Mono<String> show(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model) {
        return access.requireAnyRole(cooperativeId, user, Role.MEMBER, Role.SECRETARY, Role.AUDITOR)
                .flatMap(view -> queries.many(new FindAccounts(view.members().stream().map(SeatView::accountId).toList()), AccountView.class)
                        .map(accounts -> {
                            Map<AccountId, AccountView> byId = accounts.stream()
                                    .collect(Collectors.toMap(AccountView::accountId, Function.identity()));
                            model.addAttribute("user", user);
                            model.addAttribute("coop", view);
                            model.addAttribute("myRoles", view.rolesOf(user.accountId()));
                            model.addAttribute("members", rows(view, byId));
                            model.addAttribute("classNames", view.charter().classes().stream()
                                    .collect(Collectors.toMap(c -> c.id(), c -> c.name())));
                            return "cooperative";
                        }));
    }

    private static List<MemberRow> rows(CooperativeView view, Map<AccountId, AccountView> accounts) {
        return view.members().stream()
                .map(seat -> new MemberRow(
                        accounts.containsKey(seat.accountId()) ? accounts.get(seat.accountId()).displayName() : seat.accountId().value(),
                        seat.classId(), seat.status().name(), seat.since(), view.rolesOf(seat.accountId())))
                .sorted(Comparator.comparing(MemberRow::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    record MemberRow(String displayName, String classId, String status, java.time.Instant since, java.util.Set<Role> roles) {
    }
}
