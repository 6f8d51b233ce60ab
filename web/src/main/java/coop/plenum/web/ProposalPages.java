package coop.plenum.web;

import coop.plenum.api.audit.MemberReceiptJson;
import coop.plenum.api.audit.MemberReceipts;
import coop.plenum.api.proposal.TallyJson;
import coop.plenum.api.proposal.TallyStream;
import coop.plenum.api.security.CooperativeAccess;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Commands;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.membership.Role;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.notification.Turnout;
import coop.plenum.governance.notification.FindTurnout;
import coop.plenum.governance.membership.query.FindMember;
import coop.plenum.governance.proposal.query.ProposalPage;
import coop.plenum.governance.proposal.query.FindProposalPage;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.governance.proposal.BallotRecorded;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.CommentOnProposal;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.proposal.RetractBallot;
import coop.plenum.governance.proposal.WithdrawProposal;
import coop.plenum.governance.proposal.query.FindProposal;
import coop.plenum.governance.proposal.query.FindTally;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.governance.proposal.query.ProposalView;
import coop.plenum.governance.proposal.query.TallyView;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.kernel.IdGenerator;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Proposals in the browser: the list, a new proposal, and a proposal's page with ballots and the live tally. */
@Controller
class ProposalPages {

    private final CooperativeAccess access;
    private final Queries queries;
    private final Commands commands;
    private final IdGenerator ids;
    private final TallyStream tallyStream;
    private final coop.plenum.api.proposal.ProposalsOfCooperative proposals;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final MemberReceipts receipts;
    private final java.time.Clock clock;

    ProposalPages(CooperativeAccess access, Queries queries, Commands commands, IdGenerator ids, TallyStream tallyStream,
                  coop.plenum.api.proposal.ProposalsOfCooperative proposals, com.fasterxml.jackson.databind.ObjectMapper json,
                  MemberReceipts receipts, java.time.Clock clock) {
        this.clock = clock;
        this.receipts = receipts;
        this.json = json;
        this.proposals = proposals;
        this.access = access;
        this.queries = queries;
        this.commands = commands;
        this.ids = ids;
        this.tallyStream = tallyStream;
    }

    private static String base(String cooperativeId) {
        return "/cooperatives/" + cooperativeId + "/proposals";
    }

    @GetMapping("/cooperatives/{cooperativeId}/proposals")
    Mono<String> list(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                      ServerWebExchange exchange) {
        var params = exchange.getRequest().getQueryParams();
        String stateParam = params.getFirst("state");
        ProposalState state = stateOf(stateParam);
        boolean unknownState = state == null && stateParam != null && !stateParam.isBlank();
        return access.requireReader(cooperativeId, user).flatMap(granted -> {
            ProposalListRequest asked = ProposalListRequest.of(params);
            CooperativeId coop = granted.cooperative().cooperativeId();
            return queries.one(new FindProposalPage(coop, state, asked.search(),
                            asked.pageIndex(), ProposalListRequest.PAGE_SIZE), ProposalPage.class)
                    .flatMap(page -> listed(coop, page).map(rows -> {
                        if (unknownState) {
                            // the whole list, and why the filter was not applied
                            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                            model.addAttribute("error", "state is one of " + Arrays.toString(ProposalState.values())
                                    + "; showing every proposal");
                        }
                        model.addAttribute("user", user);
                        model.addAttribute("coop", granted.cooperative());
                        model.addAttribute("proposals", rows);
                        model.addAttribute("state", state);
                        model.addAttribute("search", asked.search());
                        model.addAttribute("links", new ProposalListLinks(coop.value(), state == null ? null : state.name(), asked.search()));
                        model.addAttribute("page", asked.page());
                        model.addAttribute("newer", asked.page() > 1);
                        model.addAttribute("older", page.older());
                        model.addAttribute("canPropose", granted.access().isActiveMember());
                        return "proposals";
                    }));
        });
    }

    /** A listed proposal with its author's name and (once voting opened) its turnout. */
    record ListedProposal(ProposalSummary summary, String author, Turnout turnout) {
    }

    /** Names by key for the page's few authors, and each opened vote's turnout: at most a page's worth of reads. */
    private Mono<List<ListedProposal>> listed(CooperativeId coop, ProposalPage page) {
        return Flux.fromIterable(page.proposals())
                .concatMap(p -> Mono.zip(
                        p.author() == null ? Mono.just("") : queries.one(new FindMember(coop, p.author()), MemberView.class)
                                .map(m -> m.displayName() == null ? p.author().value() : m.displayName())
                                .defaultIfEmpty(p.author().value()),
                        opened(p.summary()) ? queries.one(new FindTurnout(p.summary().proposalId()),
                                        Turnout.class).map(java.util.Optional::of)
                                .defaultIfEmpty(java.util.Optional.empty())
                                : Mono.just(java.util.Optional.<Turnout>empty()))
                        .map(t -> new ListedProposal(p.summary(), t.getT1(), t.getT2().orElse(null))))
                .collectList();
    }

    private static boolean opened(ProposalSummary p) {
        return p.state() == ProposalState.VOTING || p.state() == ProposalState.CLOSED || p.state() == ProposalState.EXECUTED;
    }

    private static ProposalState stateOf(String name) {
        return name == null ? null : Arrays.stream(ProposalState.values()).filter(s -> s.name().equals(name.strip()))
                .findFirst().orElse(null);
    }

    @GetMapping("/cooperatives/{cooperativeId}/proposals/new")
    Mono<String> form(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model) {
        return access.requireAnyRole(cooperativeId, user, Role.MEMBER)
                .flatMap(granted -> formModel(granted.cooperative(), user, model, ProposalDraft.EMPTY, Refusal.NONE));
    }

    /** The form, with whom an ADMISSION (applicants) or an EXPULSION (ACTIVE or SUSPENDED members) may name. */
    private Mono<String> formModel(coop.plenum.governance.cooperative.query.CooperativeView cooperative, PlenumUser user, Model model,
                                   ProposalDraft draft, Refusal refusal) {
        return queries.many(new FindMembers(cooperative.cooperativeId()), MemberView.class).map(members -> {
            model.addAttribute("user", user);
            model.addAttribute("coop", cooperative);
            model.addAttribute("applicants", members.stream()
                    .filter(m -> m.status() == MemberStatus.APPLIED).toList());
            try {
                model.addAttribute("currentCharter", json.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(coop.plenum.api.cooperative.CharterJson.from(cooperative.charter())));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the charter always serialises", e);
            }
            model.addAttribute("expellable", members.stream()
                    .filter(m -> m.status() == MemberStatus.ACTIVE
                            || m.status() == MemberStatus.SUSPENDED).toList());
            model.addAttribute("draft", draft);
            if (!model.containsAttribute("seatsDraft")) {
                model.addAttribute("seatsDraft", SeatsDraft.EMPTY);
            }
            model.addAttribute("refusal", refusal);
            return "proposal-new";
        });
    }

    @PostMapping("/cooperatives/{cooperativeId}/proposals")
    Mono<String> submit(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, ServerWebExchange exchange,
                        Model model) {
        ProposalId id = new ProposalId(ids.newId());
        return access.requireAnyRole(cooperativeId, user, Role.MEMBER).flatMap(granted -> exchange.getFormData().flatMap(form -> {
            ProposalDraft draft = ProposalDraft.of(form);
            return Mono.fromCallable(() -> {
                        FormText.requireTypable(form);
                        return SeatsDraft.of(form).onto(draft.command(id, granted.cooperative().cooperativeId(), json,
                                PageLanguageAdvice.readerZone(exchange)));
                    })
                    .flatMap(command -> commands.send(command, user.caller(null)))
                    .thenReturn("redirect:" + base(cooperativeId) + "/" + id.value())
                    .onErrorResume(RuleViolation.class, refused -> {
                        Refusal refusal = Refusal.of("proposal", refused, Words.of(model));
                        model.addAttribute("seatsDraft", SeatsDraft.of(form).shown());
                        exchange.getResponse().setStatusCode(refusal.status());
                        return Refusal.shownAfresh(() -> formModel(granted.cooperative(), user, model, draft.shown(), refusal));
                    });
        }));
    }

    @GetMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}")
    Mono<String> show(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user,
                      Model model, ServerWebExchange exchange) {
        model.addAttribute("notice", exchange.getRequest().getQueryParams().getFirst("notice"));
        // the participation over the voting period costs eight as-of tallies: drawn only when asked for
        model.addAttribute("overTimeAsked", exchange.getRequest().getQueryParams().containsKey("over-time"));
        return render(cooperativeId, proposalId, user, model, Refusal.NONE, "", justCast(exchange));
    }

    /** The sequence number of the ballot the member just cast, as the redirect after voting names it. */
    private static Long justCast(ServerWebExchange exchange) {
        String ballot = exchange.getRequest().getQueryParams().getFirst("ballot");
        try {
            return ballot == null ? null : Long.valueOf(ballot.strip());
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    /**
     * The proposal's page. Its belonging to this cooperative is settled first: queries started side by side with
     * that check could answer "nothing" before it failed, and an empty answer made Spring look for a template named
     * after the path (a random id answered 500 in 3 of 10 tries).
     */
    private Mono<String> render(String cooperativeId, String proposalId, PlenumUser user, Model model, Refusal refusal,
                                String commentDraft) {
        return render(cooperativeId, proposalId, user, model, refusal, commentDraft, null);
    }

    private Mono<String> render(String cooperativeId, String proposalId, PlenumUser user, Model model, Refusal refusal,
                                String commentDraft, Long justCast) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> proposal(cooperativeId, proposalId)
                .flatMap(proposal -> Mono.zip(
                        queries.one(new FindTally(new ProposalId(proposalId), null), TallyView.class)
                                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        queries.many(new FindMembers(granted.cooperative().cooperativeId()), MemberView.class),
                        myProvenance(proposalId, granted.access().memberId())
                                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        myReceipt(proposalId, granted.access().memberId(), user, justCast)
                                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        Boolean.TRUE.equals(model.getAttribute("overTimeAsked")) ? participationOverTime(proposal)
                                : Mono.just(List.<java.util.Map.Entry<java.time.Instant, TallyJson>>of()),
                        revealedBallots(proposal),
                        myBudgetPayments(proposal, granted.access().memberId())
                                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                        .map(all -> {
                            Map<MemberId, String> names = all.getT2().stream()
                                    .collect(Collectors.toMap(MemberView::memberId, m -> m.displayName() == null ? m.memberId().value() : m.displayName()));
                            MemberId me = granted.access().memberId();
                            // while an AFTER_CLOSE vote is open a delegate's ballot is not shown, not even to whom it counts for
                            model.addAttribute("myProvenance", all.getT3().filter(pv -> !pv.hidden()
                                    || pv.provenance().kind() == coop.plenum.governance.voting.Provenance.Kind.DIRECT).orElse(null));
                            model.addAttribute("resultsHidden", proposal.summary().resultsHidden());
                            model.addAttribute("myReceipt", all.getT4().orElse(null));
                            model.addAttribute("user", user);
                            model.addAttribute("coop", granted.cooperative());
                            ProposalView seen = proposal.seenBy(me);
                            model.addAttribute("p", seen);
                            TallyJson tally = all.getT1().map(TallyJson::of).orElse(null);
                            model.addAttribute("tally", tally);
                            model.addAttribute("names", names);
                            Map<String, String> classNames = granted.cooperative().charter().classes().stream()
                                    // in the charter's order, which is how the cooperative lists its classes everywhere
                                    .collect(Collectors.toMap(c -> c.id(), c -> c.name(), (a, b) -> a, java.util.LinkedHashMap::new));
                            model.addAttribute("classNames", classNames);
                            methodModel(model, seen, tally, me, names, classNames);
                            model.addAttribute("election", ElectionPanel.of(seen, tally, me, all.getT2(), names, classNames));
                            resultsModel(model, seen, all.getT1().orElse(null), tally, names, classNames,
                                    proposal.decision() != null ? proposal.decision() : granted.cooperative().charter().decision());
                            model.addAttribute("participationOverTime", overTimeCharts(all.getT5(), tally, classNames, model));
                            model.addAttribute("secretary", granted.access().roles().contains(Role.SECRETARY));
                            model.addAttribute("author", me != null && me.equals(proposal.authorMemberId()));
                            model.addAttribute("canComment", granted.access().isActiveMember());
                            model.addAttribute("myMemberId", me);
                            model.addAttribute("inElectorate", me != null && proposal.electorate().contains(me));
                            model.addAttribute("myChoice", me == null ? null : proposal.ballots().get(me));
                            model.addAttribute("secret", proposal.summary().secret());
                            model.addAttribute("tookPart", proposal.tookPartInSecret(me));
                            model.addAttribute("revealed", all.getT6());
                            model.addAttribute("youPaid", BudgetPaidSentence.of(all.getT7().orElse(null), Words.of(model)));
                            model.addAttribute("refusal", refusal);
                            model.addAttribute("commentDraft", commentDraft);
                            model.addAttribute("revisionChanges", RevisionChanges.of(proposal.revisions()));
                            model.addAttribute("thread", CommentThread.of(proposal.comments(), names, Words.of(model)));
                            return "proposal";
                        })));
    }

    /**
     * What the signed-in member paid in a decided open-ballot budget (issue 15), from the kept run; nothing for any
     * other proposal, before the close, for a secret budget or a reader who is no member.
     */
    private Mono<coop.plenum.governance.proposal.query.BudgetPaymentsView> myBudgetPayments(ProposalView proposal, MemberId me) {
        ProposalSummary s = proposal.summary();
        boolean decided = s.state() == ProposalState.CLOSED || s.state() == ProposalState.EXECUTED;
        if (me == null || s.method() != VoteMethod.BUDGET || s.secret() || !decided) {
            return Mono.empty();
        }
        return queries.one(new coop.plenum.governance.proposal.query.FindBudgetPayments(s.proposalId(), me),
                coop.plenum.governance.proposal.query.BudgetPaymentsView.class);
    }

    /**
     * A closed secret vote's revealed ballots, whole: the page finds the voter's own by their receipt's tag in the
     * browser, so looking tells the server nothing. None for any other vote, and none while a secret vote is open.
     */
    private Mono<List<coop.plenum.governance.proposal.RevealedBallot>> revealedBallots(ProposalView proposal) {
        if (!proposal.summary().secret()) {
            return Mono.just(List.of());
        }
        return queries.one(new coop.plenum.governance.proposal.query.FindRevealedBallots(proposal.summary().proposalId()),
                        coop.plenum.governance.proposal.query.RevealedBallotsView.class)
                .map(coop.plenum.governance.proposal.query.RevealedBallotsView::ballots)
                .defaultIfEmpty(List.of());
    }

    /**
     * What the ballot form and the results of an option or consent vote need: the form filled in with the member's
     * current ballot (or, after a refusal, with what they typed), that ballot in words, and the results for people.
     */
    private static void methodModel(Model model, ProposalView proposal, TallyJson tally, MemberId me, Map<MemberId, String> names,
                                    Map<String, String> classNames) {
        model.addAttribute("method", VoteMethod.orDefault(proposal.summary().method()).name());
        if (!model.containsAttribute("ballotDraft")) {
            model.addAttribute("ballotDraft", BallotDraft.current(proposal, me));
        }
        model.addAttribute("myBallot", BallotDraft.described(proposal, me, Words.of(model)));
        Figures fig = model.getAttribute("fig") instanceof Figures f ? f : Figures.in(java.util.Locale.ENGLISH);
        model.addAttribute("results", MethodResults.of(tally, proposal, names, classNames, fig, Words.of(model)));
    }

    /**
     * What makes the results readable (issue 14): for a YES_NO vote the rule in words, the pass line and quorum marks
     * and, once closed, why it passed or failed; for every method the time left, who has voted (and how, where
     * ballots are visible) and participation per class as a chart.
     */
    private void resultsModel(Model model, ProposalView seen, TallyView view, TallyJson tally, Map<MemberId, String> names,
                              Map<String, String> classNames, coop.plenum.governance.charter.DecisionRule rule) {
        Figures fig = model.getAttribute("fig") instanceof Figures f ? f : Figures.in(java.util.Locale.ENGLISH);
        boolean visible = view != null && view.hidden() == null;
        model.addAttribute("reading", YesNoReading.of(visible ? view.tally() : null, visible && view.outcome() != null, rule, classNames, fig,
                Words.of(model)));
        model.addAttribute("timeLeft", seen.summary().state() == ProposalState.VOTING
                ? Countdown.left(clock.instant(), seen.summary().votingClosesAt()) : null);
        model.addAttribute("participationChart", tally == null || tally.classes().isEmpty() ? null
                : Charts.classParticipation("participation-chart", tally.classes(), classNames, fig, Words.of(model)));
        model.addAttribute("voters", Voters.of(seen, names, Words.of(model)));
        model.addAttribute("liveWords", LiveWords.json(Words.of(model)));
    }

    /** Instants a class's participation is drawn at over the voting period: opening, closing (or now) and six between. */
    private static final int SAMPLES = 8;

    /**
     * The tally as of {@value #SAMPLES} evenly spaced instants of the voting period (the as-of tally reads the ballots'
     * and delegations' timestamps, so each point is exact); empty before voting opened.
     */
    private Mono<List<java.util.Map.Entry<java.time.Instant, TallyJson>>> participationOverTime(ProposalView proposal) {
        if (proposal.openedAt() == null) {
            return Mono.just(List.of());
        }
        java.time.Instant from = proposal.openedAt();
        java.time.Instant to = proposal.closedAt() != null ? proposal.closedAt() : clock.instant();
        if (!to.isAfter(from)) {
            return Mono.just(List.of());
        }
        long span = java.time.Duration.between(from, to).toMillis();
        List<java.time.Instant> at = java.util.stream.IntStream.range(0, SAMPLES)
                .mapToObj(i -> from.plusMillis(span * i / (SAMPLES - 1))).toList();
        return reactor.core.publisher.Flux.fromIterable(at)
                .concatMap(instant -> queries.one(new FindTally(proposal.summary().proposalId(), instant), TallyView.class)
                        .map(view -> java.util.Map.entry(instant, TallyJson.of(view))))
                .collectList();
    }

    /** One chart per class of its participation over the voting period. */
    private static List<String> overTimeCharts(List<java.util.Map.Entry<java.time.Instant, TallyJson>> samples, TallyJson now,
                                               Map<String, String> classNames, Model model) {
        if (samples.size() < 2 || now == null) {
            return List.of();
        }
        Figures fig = model.getAttribute("fig") instanceof Figures f ? f : Figures.in(java.util.Locale.ENGLISH);
        List<String> charts = new java.util.ArrayList<>();
        for (TallyJson.ClassJson c : now.classes()) {
            List<Charts.Sample> points = samples.stream().map(e -> new Charts.Sample(e.getKey(), e.getValue().classes().stream()
                    .filter(k -> k.classId().equals(c.classId())).findFirst().map(TallyJson.ClassJson::participation)
                    .orElse(null))).toList();
            charts.add(Charts.participationOverTime("participation-over-time-" + c.classId(),
                    classNames.getOrDefault(c.classId(), c.classId()), c.quorum(), points, fig, Words.of(model),
                    java.time.ZoneId.of(model.getAttribute("zone") instanceof String zone ? zone : "UTC")));
        }
        return charts;
    }

    /** Shows the proposal's page again with the reason and, for a comment, what was typed. */
    private Mono<String> refuse(String cooperativeId, String proposalId, PlenumUser user, Model model, ServerWebExchange exchange,
                                Refusal refusal, String commentDraft) {
        exchange.getResponse().setStatusCode(refusal.status());
        return Refusal.shownAfresh(() -> render(cooperativeId, proposalId, user, model, refusal, commentDraft));
    }

    /**
     * The receipt of the member's latest ballot event on this proposal: the one just cast (from the log, named by the
     * redirect after voting), else the latest the member-ballots read model knows.
     */
    private Mono<MemberReceiptJson> myReceipt(String proposalId, MemberId me, PlenumUser user, Long justCast) {
        if (me == null) {
            return Mono.empty();
        }
        Mono<MemberReceiptJson> latest = receipts.latestOn(me, proposalId);
        return justCast == null ? latest : receipts.justCast(proposalId, justCast, user)
                .zipWith(latest.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                // a reload later may show a newer ballot (cast in another tab) than the one the address names
                .map(both -> both.getT2().filter(l -> l.sequenceNumber() > both.getT1().sequenceNumber()).orElse(both.getT1()))
                .switchIfEmpty(latest);
    }

    /** How the signed-in member's power counts (or counted) on this proposal, once voting opened. */
    private Mono<coop.plenum.governance.proposal.query.ProvenanceView> myProvenance(String proposalId, MemberId me) {
        if (me == null) {
            return Mono.empty();
        }
        return queries.one(new coop.plenum.governance.proposal.query.FindVoteProvenance(new ProposalId(proposalId), me, null),
                coop.plenum.governance.proposal.query.ProvenanceView.class);
    }

    @GetMapping(value = "/cooperatives/{cooperativeId}/proposals/{proposalId}/tally/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<TallyJson>> tally(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                           @AuthenticationPrincipal PlenumUser user) {
        return access.requireReader(cooperativeId, user).then(proposals.require(cooperativeId, proposalId))
                .thenMany(tallyStream.of(new ProposalId(proposalId)));
    }

    private static final Map<String, Function<ProposalId, Object>> ACTIONS = Map.of(
            "open", OpenVoting::new, "close", CloseVoting::new, "withdraw", WithdrawProposal::new);

    @PostMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/{action:open|close|withdraw}")
    Mono<String> act(@PathVariable String cooperativeId, @PathVariable String proposalId, @PathVariable String action,
                     @AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        String here = base(cooperativeId) + "/" + proposalId;
        return proposals.require(cooperativeId, proposalId).zipWith(exchange.getFormData())
                .flatMap(found -> !"open".equals(action) && !ConfirmStep.confirmed(found.getT2())
                        // closing and withdrawing ask first, also without JavaScript
                        ? access.requireReader(cooperativeId, user).thenReturn(("close".equals(action)
                                ? ConfirmStep.closeVote(here, found.getT1().title())
                                : ConfirmStep.withdrawProposal(here, found.getT1().title())).shownOn(model, user))
                        : commands.send(ACTIONS.get(action).apply(new ProposalId(proposalId)), user.caller(null))
                                .thenReturn(redirect(cooperativeId, proposalId, null)))
                .onErrorResume(Refusal::shownOnThePage, refused -> refuse(cooperativeId, proposalId, user, model, exchange,
                        Refusal.of("action", (RuleViolation) refused, Words.of(model)), ""));
    }

    private static final java.security.SecureRandom RECEIPT_SECRETS = new java.security.SecureRandom();

    /** A ballot of the signed-in member (the aggregate decides whether they may cast it now). */
    @PostMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/ballot")
    Mono<String> ballot(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user,
                        Model model, ServerWebExchange exchange) {
        return proposals.require(cooperativeId, proposalId)
                .flatMap(summary -> access.requireReader(cooperativeId, user).map(granted -> reactor.util.function.Tuples.of(summary, granted)))
                .flatMap(found -> exchange.getFormData().flatMap(form -> {
                    // a secret ballot's receipt secret: made here, sealed as its tag, shown once on the answer, never stored
                    String[] receiptSecret = new String[1];
                    return Mono.fromCallable(() -> {
                            VoteMethod method = VoteMethod.orDefault(found.getT1().method());
                            FormText.requireTypable(form);
                            MemberId me = found.getT2().access().memberId();
                            Object command = method == VoteMethod.YES_NO || "RETRACT".equals(form.getFirst("choice"))
                                    ? ballotCommand(new ProposalId(proposalId), me, form.getFirst("choice"))
                                    : BallotDraft.of(form).command(new ProposalId(proposalId), members(me), method);
                            if (found.getT1().secret() && command instanceof CastBallot cast) {
                                receiptSecret[0] = coop.plenum.governance.proposal.secret.ReceiptTags.newSecret(RECEIPT_SECRETS);
                                command = new CastBallot(cast.proposalId(), cast.memberId(), cast.choice(), cast.approve(),
                                        cast.scores(), cast.reason(), cast.consent(), cast.ranking(),
                                        coop.plenum.governance.proposal.secret.ReceiptTags.tag(cast.proposalId(), receiptSecret[0]));
                            }
                            return command;
                        })
                        .flatMap(command -> commands.<Object>send(command, user.caller(null)))
                        // a secret ballot's answer is the page itself, with the receipt secret: never in an address
                        .flatMap(result -> receiptSecret[0] != null && result instanceof BallotRecorded
                                ? Mono.defer(() -> {
                                    model.addAttribute("secretReceipt", receiptSecret[0]);
                                    return render(cooperativeId, proposalId, user, model, Refusal.NONE, "");
                                })
                                // a cast ballot's page shows its receipt: the address names the event it was stored as
                                : Mono.just(result instanceof BallotRecorded recorded
                                ? "redirect:" + base(cooperativeId) + "/" + proposalId + "?ballot=" + recorded.sequenceNumber() + "#my-receipt"
                                : redirect(cooperativeId, proposalId, null)))
                        .defaultIfEmpty(redirect(cooperativeId, proposalId, null))
                        // a refused ballot is shown again as typed
                        .doOnError(refused -> model.addAttribute("ballotDraft", BallotDraft.of(form).shown()));
                }))
                .onErrorResume(Refusal::shownOnThePage, refused -> refuse(cooperativeId, proposalId, user, model, exchange,
                        Refusal.of("ballot", (RuleViolation) refused, Words.of(model)), ""));
    }

    private static MemberId members(MemberId me) {
        if (me == null) {
            throw new NotAllowed("ballot.members-only", "only members of this cooperative vote");
        }
        return me;
    }

    private static Object ballotCommand(ProposalId proposal, MemberId me, String choice) {
        String name = choice == null ? "" : choice.strip();
        if (!"RETRACT".equals(name) && Arrays.stream(Choice.values()).noneMatch(c -> c.name().equals(name))) {
            throw new InvalidInput("choice", "ballot.choice-invalid", "choice is YES, NO, ABSTAIN or RETRACT");
        }
        if (me == null) {
            throw new NotAllowed("ballot.members-only", "only members of this cooperative vote");
        }
        return "RETRACT".equals(name) ? new RetractBallot(proposal, me) : new CastBallot(proposal, me, Choice.valueOf(name));
    }

    @PostMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/comments")
    Mono<String> comment(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user,
                         Model model, ServerWebExchange exchange) {
        return proposals.require(cooperativeId, proposalId).then(access.requireReader(cooperativeId, user))
                .then(exchange.getFormData()).flatMap(form -> Mono.fromCallable(() -> {
                            FormText.requireTypable(form);
                            return new CommentOnProposal(new ProposalId(proposalId), ids.newId(), form.getFirst("text"), replyTo(form));
                        })
                        .flatMap(command -> commands.send(command, user.caller(null)))
                        .thenReturn(redirect(cooperativeId, proposalId, null) + "#comments")
                        .onErrorResume(Refusal::shownOnThePage, refused -> {
                            // a refused reply is shown again in its own form, under the comment it answers
                            model.addAttribute("replyingTo", replyTo(form));
                            return refuse(cooperativeId, proposalId, user, model, exchange,
                                    Refusal.of("comment", (RuleViolation) refused, Words.of(model)), FormText.shown(form.getFirst("text")));
                        }));
    }

    /** The comment a reply answers; a blank field is a top-level comment. */
    private static String replyTo(org.springframework.util.MultiValueMap<String, String> form) {
        String replyTo = form.getFirst("replyTo");
        return replyTo == null || replyTo.isBlank() ? null : replyTo.strip();
    }

    /**
     * The author's form to revise title and body, filled in with the current text. Offered only when SPEC allows it
     * (the author, during deliberation); the aggregate decides again when the revision is sent.
     */
    @GetMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/edit")
    Mono<String> editForm(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user,
                          Model model) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> proposal(cooperativeId, proposalId).map(p -> {
            onlyTheAuthorEditsDuringDeliberation(granted.access().memberId(), p);
            return editModel(model, user, granted.cooperative(), p, p.summary().title(), p.body(), Refusal.NONE);
        }));
    }

    @PostMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/revision")
    Mono<String> revise(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user,
                        Model model, ServerWebExchange exchange) {
        return access.requireReader(cooperativeId, user).flatMap(granted -> proposal(cooperativeId, proposalId)
                .zipWith(exchange.getFormData()).flatMap(found -> {
                    ProposalView p = found.getT1();
                    var form = found.getT2();
                    // a browser sends a textarea's line breaks as CRLF: kept as LF, a revision's diff shows only what changed
                    String title = lineFeeds(form.getFirst("title"));
                    String body = lineFeeds(form.getFirst("body"));
                    return Mono.fromCallable(() -> {
                                FormText.requireTypable(form);
                                return new coop.plenum.governance.proposal.ReviseProposal(new ProposalId(proposalId), title,
                                        body == null ? "" : body);
                            })
                            .flatMap(command -> commands.send(command, user.caller(null)))
                            .thenReturn(redirect(cooperativeId, proposalId, null) + "#revisions")
                            .onErrorResume(Refusal::shownOnThePage, refused -> {
                                Refusal refusal = Refusal.of("revision", (RuleViolation) refused, Words.of(model));
                                exchange.getResponse().setStatusCode(refusal.status());
                                return Refusal.shownAfresh(() -> Mono.just(editModel(model, user, granted.cooperative(), p,
                                        FormText.shown(title), FormText.shown(body), refusal)));
                            });
                }));
    }

    private static String lineFeeds(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String editModel(Model model, PlenumUser user, coop.plenum.governance.cooperative.query.CooperativeView cooperative,
                                    ProposalView p, String title, String body, Refusal refusal) {
        model.addAttribute("user", user);
        model.addAttribute("coop", cooperative);
        model.addAttribute("p", p);
        model.addAttribute("title", title);
        model.addAttribute("body", body);
        model.addAttribute("refusal", refusal);
        return "proposal-edit";
    }

    /** SPEC "Proposals": the author may edit title and body only during deliberation. */
    private static void onlyTheAuthorEditsDuringDeliberation(MemberId me, ProposalView p) {
        if (me == null || !me.equals(p.authorMemberId())) {
            throw new NotAllowed("proposal.author-only", "only the author may revise a proposal");
        }
        if (p.summary().state() != ProposalState.DELIBERATION) {
            throw new coop.plenum.kernel.StateConflict("proposal.wrong-state",
                    "a proposal is revised only during deliberation; this one is " + p.summary().state());
        }
    }

    /** The author's outcome statement, once the vote has closed (the aggregate decides who and when). */
    @PostMapping("/cooperatives/{cooperativeId}/proposals/{proposalId}/outcome-statement")
    Mono<String> outcomeStatement(@PathVariable String cooperativeId, @PathVariable String proposalId,
                                  @AuthenticationPrincipal PlenumUser user, Model model, ServerWebExchange exchange) {
        return proposals.require(cooperativeId, proposalId).then(access.requireReader(cooperativeId, user))
                .then(exchange.getFormData()).flatMap(form -> Mono.fromCallable(() -> {
                            FormText.requireTypable(form);
                            return new coop.plenum.governance.proposal.RecordOutcomeStatement(new ProposalId(proposalId),
                                    form.getFirst("statement"));
                        })
                        .flatMap(command -> commands.send(command, user.caller(null)))
                        .thenReturn(redirect(cooperativeId, proposalId, null) + "#outcome-statement")
                        .onErrorResume(Refusal::shownOnThePage, refused -> refuse(cooperativeId, proposalId, user, model, exchange,
                                Refusal.of("outcome-statement", (RuleViolation) refused, Words.of(model)), "")));
    }

    private static String redirect(String cooperativeId, String proposalId, String notice) {
        return "redirect:" + base(cooperativeId) + "/" + proposalId + (notice == null ? "" : "?notice=" + ApplicationPage.encode(notice));
    }

    /** The proposal's full page data, once it is known to belong to this cooperative. */
    private Mono<ProposalView> proposal(String cooperativeId, String proposalId) {
        return proposals.require(cooperativeId, proposalId)
                .then(queries.one(new FindProposal(new ProposalId(proposalId)), ProposalView.class));
    }

}
