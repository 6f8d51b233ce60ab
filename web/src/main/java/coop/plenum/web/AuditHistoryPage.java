package coop.plenum.web;

import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.audit.chain.AuditHistory;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.governance.proposal.query.FindProposals;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.kernel.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cooperative's history as a timeline, in the order its chain links the events: who acted, when, on what, and
 * each event's hash; filtered by kind, member, proposal and time, one bounded page at a time. A filter that cannot
 * be right is refused with 400, naming the field, and the form shown again.
 */
@Controller
class AuditHistoryPage {

    /** The kinds of event the log holds, offered as suggestions (any event type name may be typed). */
    static final List<String> KINDS = List.of("CooperativeFounded", "MembershipApplied", "MemberAdmitted", "ApplicationRejected",
            "MemberSuspended", "MemberReinstated", "MembershipWithdrawn", "MemberClassChanged", "RoleGranted", "RoleRevoked",
            "ProposalSubmitted", "ProposalRevised", "CommentAdded", "ProposalWithdrawn", "VotingOpened", "BallotCast",
            "BallotRetracted", "VotingClosed", "DelegationsFrozen", "CharterAmended", "MemberAdmittedByDecision", "MemberExpelled",
            "DecisionNotApplicable", "ProposalExecuted", "OutcomeStatementRecorded", "VoteDelegated", "DelegationRevoked", "LedgerOpened",
            "ContributorRegistered", "ContributorStandingChanged", "ContributionLogged", "ContributionEvaluated",
            "ContributionAccepted", "ContributionRejected", "RevenueRecorded", "RevenueAllocated", "BudgetAllocationRecorded",
            "BudgetAllocationSpent");

    private final AuditorAccess auditors;
    private final Queries queries;
    private final AuditHistory history;

    AuditHistoryPage(AuditorAccess auditors, Queries queries, AuditHistory history) {
        this.auditors = auditors;
        this.queries = queries;
        this.history = history;
    }

    @GetMapping("/cooperatives/{cooperativeId}/audit/history")
    Mono<String> show(@PathVariable String cooperativeId, @AuthenticationPrincipal PlenumUser user, Model model,
                      ServerWebExchange exchange) {
        var params = exchange.getRequest().getQueryParams();
        HistoryFilters typed = HistoryFilters.of(params);
        return auditors.require(cooperativeId, user).flatMap(coop -> Mono.zip(
                        queries.many(new FindMembers(coop.cooperativeId()), MemberView.class),
                        queries.many(new FindProposals(coop.cooperativeId(), null), ProposalSummary.class))
                .flatMap(found -> {
                    List<MemberView> members = found.getT1();
                    List<ProposalSummary> proposals = found.getT2();
                    model.addAttribute("user", user);
                    model.addAttribute("coop", coop);
                    model.addAttribute("filters", typed);
                    model.addAttribute("kinds", KINDS);
                    model.addAttribute("members", members.stream()
                            .sorted(Comparator.comparing(m -> m.displayName() == null ? "" : m.displayName(), String.CASE_INSENSITIVE_ORDER))
                            .toList());
                    model.addAttribute("proposals", proposals.stream().sorted(Comparator.comparing(ProposalSummary::submittedAt)).toList());
                    Map<String, String> memberNames = new HashMap<>();
                    members.forEach(m -> memberNames.put(m.memberId().value(), m.displayName()));
                    Map<String, String> proposalTitles = new HashMap<>();
                    proposals.forEach(p -> proposalTitles.put(p.proposalId().value(), p.title()));
                    model.addAttribute("memberNames", memberNames);
                    model.addAttribute("proposalTitles", proposalTitles);
                    HistoryFilters.Checked checked;
                    try {
                        checked = typed.check(members, proposals, params);
                    } catch (InvalidInput refused) {
                        Refusal refusal = Refusal.of("history", refused, Words.of(model));
                        exchange.getResponse().setStatusCode(refusal.status());
                        model.addAttribute("refusal", refusal);
                        model.addAttribute("page", null);
                        return Mono.just("audit-history");
                    }
                    model.addAttribute("refusal", Refusal.NONE);
                    model.addAttribute("size", checked.size());
                    return Mono.fromCallable(() -> history.page(cooperativeId, checked.filter(), checked.afterIndex(),
                                    checked.beforeIndex(), checked.size()))
                            .subscribeOn(Schedulers.boundedElastic())
                            .map(page -> {
                                model.addAttribute("page", page);
                                return "audit-history";
                            });
                }));
    }
}
