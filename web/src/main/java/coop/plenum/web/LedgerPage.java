package coop.plenum.web;

import coop.plenum.api.ledger.BudgetAllocations;
import coop.plenum.api.ledger.LedgerOfCooperative;
import coop.plenum.api.ledger.OpenBookCsv;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.RuleViolation;
import coop.plenum.ledger.ContributionId;
import coop.plenum.ledger.ContributionStatus;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.EvaluateContribution;
import coop.plenum.ledger.LedgerId;
import coop.plenum.ledger.LogContribution;
import coop.plenum.ledger.MarkBudgetAllocationSpent;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ledger in the browser: my points, power and earnings; logging a contribution; the queue of peers'
 * contributions waiting for my verdict; the open book with filters and CSV; totals; revenues and, for
 * secretaries, recording one; the budget allocations accepted BUDGET votes decided, with what each line spent and,
 * for secretaries, marking a line spent.
 */
@Controller
class LedgerPage {

    private final CooperativeAccess access;
    private final Queries queries;
    private final Commands commands;
    private final IdGenerator ids;
    private final LedgerOfCooperative ledgers;
    private final Clock clock;
    private final BudgetAllocations allocations;

    LedgerPage(CooperativeAccess access, Queries queries, Commands commands, IdGenerator ids, LedgerOfCooperative ledgers,
               Clock clock, BudgetAllocations allocations) {
        this.allocations = allocations;
        this.access = access;
        this.queries = queries;
        this.commands = commands;
        this.ids = ids;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    @GetMapping("/cooperatives/{cooperativeId}/ledger")
    Mono<String> show(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                      ServerWebExchange exchange) {
        var params = exchange.getRequest().getQueryParams();
        model.addAttribute("notice", params.getFirst("notice"));
        return render(cooperativeId, user, model, Filters.of(params), Refusal.NONE, null, null);
    }

    @PostMapping("/cooperatives/{cooperativeId}/ledger/contributions")
    Mono<String> log(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                     ServerWebExchange exchange) {
        return access.existing(cooperativeId).then(exchange.getFormData()).flatMap(form -> {
            ContributionDraft draft = ContributionDraft.of(form);
            return Mono.fromCallable(() -> {
                        FormText.requireTypable(form);
                        return draft.command(ledgerOf(cooperativeId), new ContributionId(ids.newId()));
                    })
                    .flatMap(command -> commands.send(command, user.caller(null)))
                    .thenReturn(redirect(cooperativeId, Words.of(model).say("notice.contributionLogged")))
                    .onErrorResume(RuleViolation.class, refused -> refuse(cooperativeId, user, model, exchange,
                            Refusal.of("contribution", refused, Words.of(model)), draft.shown(), null));
        });
    }

    @PostMapping("/cooperatives/{cooperativeId}/ledger/contributions/{contributionId}/evaluations")
    Mono<String> evaluate(@PathVariable String cooperativeId, @PathVariable String contributionId,
                          @AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        return access.existing(cooperativeId).then(exchange.getFormData())
                .map(form -> {
                    FormText.requireTypable(form);
                    return new EvaluateContribution(ledgerOf(cooperativeId), new ContributionId(contributionId),
                            verdict(form.getFirst("verdict")), blankToNull(form.getFirst("note")));
                })
                .flatMap(command -> commands.send(command, user.caller(null)))
                .thenReturn(redirect(cooperativeId, Words.of(model).say("notice.evaluationRecorded")))
                .onErrorResume(RuleViolation.class, refused -> refuse(cooperativeId, user, model, exchange,
                        Refusal.of("evaluation", refused, Words.of(model)), null, null));
    }

    @PostMapping("/cooperatives/{cooperativeId}/ledger/revenues")
    Mono<String> revenue(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                         ServerWebExchange exchange) {
        return access.existing(cooperativeId).then(exchange.getFormData()).flatMap(form -> {
            RevenueDraft draft = RevenueDraft.of(form);
            return Mono.fromCallable(() -> {
                        FormText.requireTypable(form);
                        return draft.command(ledgerOf(cooperativeId), new RevenueId(ids.newId()));
                    })
                    .flatMap(command -> commands.send(command, user.caller(null)))
                    .thenReturn(redirect(cooperativeId, Words.of(model).say("notice.revenueRecorded")))
                    .onErrorResume(RuleViolation.class, refused -> refuse(cooperativeId, user, model, exchange,
                            Refusal.of("revenue", refused, Words.of(model)), null, draft.shown()));
        });
    }

    @PostMapping("/cooperatives/{cooperativeId}/ledger/allocations/{proposalId}/spending")
    Mono<String> spend(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user,
                       Model model, ServerWebExchange exchange) {
        return access.existing(cooperativeId).then(exchange.getFormData()).flatMap(form -> {
            SpendingDraft draft = SpendingDraft.of(proposalId, form);
            return Mono.fromCallable(() -> {
                        FormText.requireTypable(form);
                        return draft.command(ledgerOf(cooperativeId));
                    })
                    .flatMap(command -> commands.send(command, user.caller(null)))
                    .thenReturn(redirect(cooperativeId, Words.of(model).say("notice.allocationSpent")))
                    .onErrorResume(RuleViolation.class, refused -> {
                        model.addAttribute("spendingDraft", draft.shown());
                        return refuse(cooperativeId, user, model, exchange, Refusal.of("spending", refused, Words.of(model)), null, null);
                    });
        });
    }

    /** The whole book as the API's CSV, for a browser session (the API itself wants HTTP Basic). */
    @GetMapping(value = "/cooperatives/{cooperativeId}/open-book.csv", produces = "text/csv")
    @ResponseBody
    Mono<ResponseEntity<String>> csv(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            CooperativeId coop = granted.cooperative().cooperativeId();
            LedgerId ledger = LedgerOfCooperative.ledgerOf(coop);
            return Mono.zip(queries.many(new FindContributions(ledger, null, null, null), ContributionView.class),
                            queries.many(new FindRevenues(ledger, null), RevenueView.class),
                            queries.many(new coop.plenum.ledger.query.FindBudgetAllocations(ledger),
                                    coop.plenum.ledger.query.BudgetAllocationView.class),
                            ledgers.names(coop))
                    .map(t -> ResponseEntity.ok()
                            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"open-book-" + coop.value() + ".csv\"")
                            .body(OpenBookCsv.of(t.getT1(), t.getT2(), t.getT3(), t.getT4())));
        });
    }

    private Mono<String> render(String cooperativeId, PlenumUser user, Model model, Filters filters, Refusal refusal,
                                ContributionDraft contributionDraft, RevenueDraft revenueDraft) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            CooperativeId coop = granted.cooperative().cooperativeId();
            LedgerId ledger = LedgerOfCooperative.ledgerOf(coop);
            var charter = granted.cooperative().charter();
            return Mono.zip(queries.many(new FindContributions(ledger, null, null, null), ContributionView.class),
                    queries.many(new FindRevenues(ledger, null), RevenueView.class),
                    queries.one(new FindOpenBook(ledger), OpenBookView.class),
                    queries.many(new FindMembers(coop), MemberView.class),
                    ledgers.powerNow(coop, charter.votingPower()),
                    allocations.of(coop)).map(t -> {
                List<ContributionView> all = t.getT1();
                OpenBookView totals = t.getT3();
                var power = t.getT5();
                Map<String, String> names = new HashMap<>();
                t.getT4().forEach(m -> names.put(m.memberId().value(), m.displayName() == null ? m.memberId().value() : m.displayName()));
                MemberId me = granted.access().memberId();
                ContributorId mine = me == null ? null : new ContributorId(me.value());
                boolean active = granted.access().isActiveMember();
                LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));

                model.addAttribute("user", user);
                model.addAttribute("coop", granted.cooperative());
                model.addAttribute("names", names);
                model.addAttribute("rates", charter.ledger().rates());
                model.addAttribute("requiredEvaluations", charter.ledger().requiredEvaluations());
                model.addAttribute("today", today);
                model.addAttribute("active", active);
                model.addAttribute("secretary", granted.access().roles().contains(Role.SECRETARY));
                model.addAttribute("me", me);
                model.addAttribute("myPoints", me == null ? null : power.pointsOf(me.value()));
                model.addAttribute("myPower", me == null ? null : power.powerOf(me.value()));
                model.addAttribute("myEarnings", mine == null ? Map.of() : totals.contributors().stream()
                        .filter(c -> c.contributorId().equals(mine)).findFirst()
                        .map(OpenBookView.ContributorTotals::earnings).orElse(Map.of()));
                model.addAttribute("powers", totals.contributors().stream().collect(Collectors.toMap(
                        c -> c.contributorId().value(), c -> power.powerOf(c.contributorId().value()))));
                // a suspended member may neither log nor evaluate, so their queue would only offer refusals
                model.addAttribute("queue", mine == null || !active ? List.of() : all.stream()
                        .filter(c -> c.status() == ContributionStatus.PENDING && !c.contributorId().equals(mine) && !c.evaluatedBy(mine))
                        .toList());
                model.addAttribute("book", all.stream().filter(filters::admits)
                        .sorted(Comparator.comparing(ContributionView::occurredOn).thenComparing(ContributionView::loggedAt).reversed())
                        .toList());
                model.addAttribute("bookSize", all.size());
                model.addAttribute("projects", all.stream().map(ContributionView::project).distinct().sorted().toList());
                model.addAttribute("members", t.getT4().stream()
                        .sorted(Comparator.comparing((MemberView m) -> names.get(m.memberId().value()), String.CASE_INSENSITIVE_ORDER))
                        .toList());
                model.addAttribute("filters", filters);
                model.addAttribute("totals", totals);
                chartModel(model, all, totals, names);
                model.addAttribute("revenues", t.getT2().stream()
                        .sorted(Comparator.comparing(RevenueView::recordedAt).reversed()).toList());
                model.addAttribute("allocations", t.getT6());
                if (!model.containsAttribute("spendingDraft")) {
                    model.addAttribute("spendingDraft", SpendingDraft.NONE);
                }
                model.addAttribute("contributionDraft", contributionDraft != null ? contributionDraft
                        : new ContributionDraft("", charter.ledger().rates().keySet().stream().findFirst().orElse(""), "", "", today.toString()));
                model.addAttribute("revenueDraft", revenueDraft != null ? revenueDraft : new RevenueDraft("", "", "EUR"));
                model.addAttribute("refusal", refusal);
                return "ledger";
            });
        });
    }

    /**
     * The ledger's charts (issue 14), drawn on the server: accepted points over time and how revenue was shared.
     * Both come from the same read models as the tables under them.
     */
    private static void chartModel(Model model, List<ContributionView> all, OpenBookView totals, Map<String, String> names) {
        Figures fig = model.getAttribute("fig") instanceof Figures f ? f : Figures.in(java.util.Locale.ENGLISH);
        java.util.TreeMap<LocalDate, java.math.BigDecimal> daily = new java.util.TreeMap<>();
        all.stream().filter(c -> c.status() == ContributionStatus.ACCEPTED && c.points() != null)
                .forEach(c -> daily.merge(c.occurredOn(), c.points(), java.math.BigDecimal::add));
        model.addAttribute("pointsChart", Charts.pointsOverTime("points-chart", daily, fig, Words.of(model)));
        java.util.TreeMap<String, java.util.TreeMap<String, java.math.BigDecimal>> earnings = new java.util.TreeMap<>();
        totals.contributors().forEach(c -> c.earnings().forEach((currency, amount) -> earnings
                .computeIfAbsent(currency, k -> new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                .merge(names.getOrDefault(c.contributorId().value(), c.contributorId().value()), amount, java.math.BigDecimal::add)));
        model.addAttribute("revenueChart", earnings.isEmpty() ? null : Charts.revenueShares("revenue-chart", earnings, fig, Words.of(model)));
    }

    /** Shows the page again with what was typed, the reasons, and a status that says whose move it is. */
    private Mono<String> refuse(String cooperativeId, PlenumUser user, Model model, ServerWebExchange exchange, Refusal refusal,
                                ContributionDraft contributionDraft, RevenueDraft revenueDraft) {
        exchange.getResponse().setStatusCode(refusal.status());
        return Refusal.shownAfresh(() -> render(cooperativeId, user, model, Filters.NONE, refusal, contributionDraft, revenueDraft));
    }

    private static LedgerId ledgerOf(String cooperativeId) {
        return LedgerOfCooperative.ledgerOf(new CooperativeId(cooperativeId));
    }

    private static String redirect(String cooperativeId, String notice) {
        return "redirect:/cooperatives/" + cooperativeId + "/ledger?notice=" + ApplicationPage.encode(notice);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static BigDecimal decimal(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "request.number-invalid", field + " is a number such as 2.5, not '" + value.strip() + "'");
        }
    }

    private static Verdict verdict(String value) {
        try {
            return Verdict.valueOf(orEmpty(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("verdict", "evaluation.verdict-missing", "verdict is ACCEPT or REJECT");
        }
    }

    /** The open book's filters, from the query string; an unknown status filters nothing rather than failing. */
    record Filters(String member, String project, ContributionStatus status) {

        static final Filters NONE = new Filters(null, null, null);

        static Filters of(MultiValueMap<String, String> params) {
            String status = blankToNull(params.getFirst("status"));
            return new Filters(blankToNull(params.getFirst("member")), blankToNull(params.getFirst("project")),
                    status == null || !Set.of("PENDING", "ACCEPTED", "REJECTED").contains(status) ? null : ContributionStatus.valueOf(status));
        }

        boolean admits(ContributionView c) {
            return (member == null || c.contributorId().value().equals(member))
                    && (project == null || c.project().equals(project))
                    && (status == null || c.status() == status);
        }

        // public, like every method the template calls: the template's expression language finds public methods only
        public boolean any() {
            return member != null || project != null || status != null;
        }
    }

    /** The "log a contribution" form as typed, so a refusal can show it again. */
    record ContributionDraft(String project, String type, String quantity, String description, String occurredOn) {

        static ContributionDraft of(MultiValueMap<String, String> form) {
            return new ContributionDraft(orEmpty(form.getFirst("project")).strip(), orEmpty(form.getFirst("type")),
                    orEmpty(form.getFirst("quantity")), orEmpty(form.getFirst("description")), orEmpty(form.getFirst("occurredOn")));
        }

        ContributionDraft shown() {
            return new ContributionDraft(FormText.shown(project), FormText.shown(type), FormText.shown(quantity),
                    FormText.shown(description), FormText.shown(occurredOn));
        }

        LogContribution command(LedgerId ledger, ContributionId id) {
            return new LogContribution(ledger, id, project, type, decimal(quantity, "quantity"), description, date(occurredOn));
        }

        private static LocalDate date(String value) {
            if (value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInput("occurredOn", "request.date-invalid", "the date is written like 2026-05-01");
            }
        }
    }

    /** The "record revenue" form as typed. */
    record RevenueDraft(String project, String amount, String currency) {

        static RevenueDraft of(MultiValueMap<String, String> form) {
            return new RevenueDraft(orEmpty(form.getFirst("project")).strip(), orEmpty(form.getFirst("amount")),
                    orEmpty(form.getFirst("currency")).strip().toUpperCase(Locale.ROOT));
        }

        RevenueDraft shown() {
            return new RevenueDraft(FormText.shown(project), FormText.shown(amount), FormText.shown(currency));
        }

        RecordRevenue command(LedgerId ledger, RevenueId id) {
            return new RecordRevenue(ledger, id, project, decimal(amount, "amount"), currency);
        }
    }

    /** The "mark spent" form of one budget line as typed, so a refusal can show it again on that line. */
    record SpendingDraft(String decidedBy, String project, String amount, String note) {

        static final SpendingDraft NONE = new SpendingDraft("", "", "", "");

        static SpendingDraft of(String decidedBy, MultiValueMap<String, String> form) {
            return new SpendingDraft(decidedBy, orEmpty(form.getFirst("project")), orEmpty(form.getFirst("amount")),
                    orEmpty(form.getFirst("note")));
        }

        SpendingDraft shown() {
            return new SpendingDraft(FormText.shown(decidedBy), FormText.shown(project), FormText.shown(amount), FormText.shown(note));
        }

        MarkBudgetAllocationSpent command(LedgerId ledger) {
            return new MarkBudgetAllocationSpent(ledger, decidedBy, project, decimal(amount, "amount"), blankToNull(note));
        }

        // public, like every method the template calls
        public boolean isFor(String decision, String line) {
            return decidedBy.equals(decision) && project.equals(line);
        }
    }
}
