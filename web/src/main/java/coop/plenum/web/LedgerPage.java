package coop.plenum.web;

import coop.plenum.api.ledger.LedgerOfCooperative;
import coop.plenum.api.ledger.OpenBookCsv;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.cooperative.CooperativeId;
import coop.plenum.governance.cooperative.Role;
import coop.plenum.governance.membership.MemberId;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.RuleViolation;
import coop.plenum.ledger.ContributionId;
import coop.plenum.ledger.ContributionStatus;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.EvaluateContribution;
import coop.plenum.ledger.LogContribution;
import coop.plenum.ledger.RecordRevenue;
import coop.plenum.ledger.RevenueId;
import coop.plenum.ledger.Verdict;
import coop.plenum.ledger.query.ContributionView;
import coop.plenum.ledger.query.FindContributions;
import coop.plenum.ledger.query.FindOpenBook;
import coop.plenum.ledger.query.FindRevenues;
import coop.plenum.ledger.query.OpenBookView;
import coop.plenum.ledger.query.RevenueView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger in the browser: my points, power and earnings; logging a contribution; the queue of peers'
 * contributions waiting for my verdict; the open book with filters and CSV; totals; revenues and, for
 * secretaries, recording one.
 */
@Controller
class LedgerPage {

    private final CooperativeAccess access;
    private final Queries queries;
    private final Commands commands;
    private final IdGenerator ids;
    private final LedgerOfCooperative ledgers;
    private final java.time.Clock clock;

    LedgerPage(CooperativeAccess access, Queries queries, Commands commands, IdGenerator ids, LedgerOfCooperative ledgers,
               java.time.Clock clock) {
        this.access = access;
        this.queries = queries;
        this.commands = commands;
        this.ids = ids;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    private static String base(String cooperativeId) {
        return "/cooperatives/" + cooperativeId + "/ledger";
    }

    @GetMapping("/cooperatives/{cooperativeId}/ledger")
    Mono<String> show(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                      ServerWebExchange exchange) {
        var params = exchange.getRequest().getQueryParams();
        String memberFilter = blankToNull(params.getFirst("member"));
        String projectFilter = blankToNull(params.getFirst("project"));
        ContributionStatus statusFilter = status(params.getFirst("status"));
        model.addAttribute("notice", params.getFirst("notice"));
        model.addAttribute("error", params.getFirst("error"));
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            CooperativeId coop = granted.cooperative().cooperativeId();
            var ledger = LedgerOfCooperative.ledgerOf(coop);
            var charter = granted.cooperative().charter();
            MemberId me = granted.access().memberId();
            return queries.many(new FindContributions(ledger, null, null, null), ContributionView.class)
                    .zipWith(queries.many(new FindRevenues(ledger, null), RevenueView.class))
                    .zipWith(queries.one(new FindOpenBook(ledger), OpenBookView.class))
                    .zipWith(queries.many(new FindMembers(coop), MemberView.class))
                    .zipWith(ledgers.powerNow(coop, charter.votingPower()))
                    .map(t -> {
                        List<ContributionView> all = t.getT1().getT1().getT1().getT1();
                        List<MemberView> members = t.getT1().getT2();
                        OpenBookView book = t.getT1().getT1().getT2();
                        var power = t.getT2();
                        Map<String, String> names = new HashMap<>();
                        members.forEach(m -> names.put(m.memberId().value(), m.displayName() == null ? m.memberId().value() : m.displayName()));
                        ContributorId mine = me == null ? null : new ContributorId(me.value());
                        model.addAttribute("user", user);
                        model.addAttribute("coop", granted.cooperative());
                        model.addAttribute("names", names);
                        model.addAttribute("rates", charter.ledger().rates());
                        model.addAttribute("requiredEvaluations", charter.ledger().requiredEvaluations());
                        model.addAttribute("today", LocalDate.now(clock.withZone(ZoneOffset.UTC)));
                        model.addAttribute("active", granted.access().isActiveMember());
                        model.addAttribute("secretary", granted.access().roles().contains(Role.SECRETARY));
                        model.addAttribute("me", me);
                        model.addAttribute("myPoints", me == null ? null : power.pointsOf(me.value()));
                        model.addAttribute("myPower", me == null ? null : power.powerOf(me.value()));
                        model.addAttribute("myEarnings", mine == null ? Map.of() : book.contributors().stream()
                                .filter(c -> c.contributorId().equals(mine)).findFirst()
                                .map(OpenBookView.ContributorTotals::earnings).orElse(Map.of()));
                        model.addAttribute("queue", mine == null || !granted.access().isActiveMember() ? List.of() : all.stream()
                                .filter(c -> c.status() == ContributionStatus.PENDING && !c.contributorId().equals(mine)
                                        && !c.evaluatedBy(mine)).toList());
                        model.addAttribute("book", all.stream()
                                .filter(c -> memberFilter == null || c.contributorId().value().equals(memberFilter))
                                .filter(c -> projectFilter == null || c.project().equals(projectFilter))
                                .filter(c -> statusFilter == null || c.status() == statusFilter).toList());
                        model.addAttribute("projects", all.stream().map(ContributionView::project).distinct().sorted().toList());
                        model.addAttribute("members", members);
                        model.addAttribute("memberFilter", memberFilter);
                        model.addAttribute("projectFilter", projectFilter);
                        model.addAttribute("statusFilter", statusFilter);
                        model.addAttribute("totals", book);
                        model.addAttribute("revenues", t.getT1().getT1().getT1().getT2());
                        return "ledger";
                    });
        });
    }

    @PostMapping("/cooperatives/{cooperativeId}/ledger/contributions")
    Mono<String> log(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange) {
        ContributionId id = new ContributionId(ids.newId());
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) -> Mono.fromCallable(() ->
                        new LogContribution(LedgerOfCooperative.ledgerOf(new CooperativeId(cooperativeId)), id, form.getFirst("project"),
                                form.getFirst("type"), decimal(form.getFirst("quantity"), "quantity"), form.getFirst("description"),
                                date(form.getFirst("occurredOn"))))
                .flatMap(command -> commands.send(command, user.caller(null)))
                .thenReturn(redirect(cooperativeId, "notice", "Contribution logged; it waits for your peers' evaluations.")))
                .onErrorResume(RuleViolation.class, refused -> Mono.just(redirect(cooperativeId, "error", refused.getMessage())));
    }

    @PostMapping("/cooperatives/{cooperativeId}/ledger/contributions/{contributionId}/evaluations")
    Mono<String> evaluate(@PathVariable String cooperativeId, @PathVariable String contributionId,
                          @AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) -> Mono.fromCallable(() ->
                        new EvaluateContribution(LedgerOfCooperative.ledgerOf(new CooperativeId(cooperativeId)),
                                new ContributionId(contributionId), verdict(form.getFirst("verdict")), form.getFirst("note")))
                .flatMap(command -> commands.send(command, user.caller(null)))
                .thenReturn(redirect(cooperativeId, "notice", "Thank you: your evaluation is recorded.")))
                .onErrorResume(RuleViolation.class, refused -> Mono.just(redirect(cooperativeId, "error", refused.getMessage())));
    }

    @PostMapping("/cooperatives/{cooperativeId}/ledger/revenues")
    Mono<String> revenue(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange) {
        RevenueId id = new RevenueId(ids.newId());
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) -> Mono.fromCallable(() ->
                        new RecordRevenue(LedgerOfCooperative.ledgerOf(new CooperativeId(cooperativeId)), id, form.getFirst("project"),
                                decimal(form.getFirst("amount"), "amount"), form.getFirst("currency")))
                .flatMap(command -> commands.send(command, user.caller(null)))
                .thenReturn(redirect(cooperativeId, "notice", "Revenue recorded and distributed.")))
                .onErrorResume(RuleViolation.class, refused -> Mono.just(redirect(cooperativeId, "error", refused.getMessage())));
    }

    @GetMapping(value = "/cooperatives/{cooperativeId}/ledger/open-book.csv", produces = "text/csv")
    @ResponseBody
    Mono<ResponseEntity<String>> csv(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            CooperativeId coop = granted.cooperative().cooperativeId();
            var ledger = LedgerOfCooperative.ledgerOf(coop);
            return queries.many(new FindContributions(ledger, null, null, null), ContributionView.class)
                    .zipWith(queries.many(new FindRevenues(ledger, null), RevenueView.class))
                    .zipWith(ledgers.names(coop))
                    .map(t -> ResponseEntity.ok()
                            .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"open-book-" + coop.value() + ".csv\"")
                            .body(OpenBookCsv.of(t.getT1().getT1(), t.getT1().getT2(), t.getT2())));
        });
    }

    private static String redirect(String cooperativeId, String kind, String message) {
        return "redirect:" + base(cooperativeId) + "?" + kind + "=" + ApplicationPage.encode(message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ContributionStatus status(String value) {
        try {
            return value == null || value.isBlank() ? null : ContributionStatus.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static BigDecimal decimal(String value, String field) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "request.number-invalid", field + " is a number such as 2.5");
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("occurredOn", "request.date-invalid", "occurredOn is a date such as 2026-05-01");
        }
    }

    private static Verdict verdict(String value) {
        try {
            return value == null ? null : Verdict.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("verdict", "evaluation.verdict-missing", "verdict is ACCEPT or REJECT");
        }
    }
}
