package coop.plenum.web;

import coop.plenum.api.proposal.ProposalsOfCooperative;
import coop.plenum.api.proposal.TallyJson;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.audit.chain.AuditHistory;
import coop.plenum.governance.audit.chain.ProposalReplays;
import coop.plenum.governance.audit.offline.DecisionReplay;
import coop.plenum.governance.audit.offline.WhatIfRules;
import coop.plenum.governance.cooperative.query.CooperativeView;
import coop.plenum.governance.membership.query.FindMembers;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.proposal.query.FindTally;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.governance.proposal.query.TallyView;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.RuleViolation;
import coop.plenum.kernel.StateConflict;
import coop.plenum.kernel.Violation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One decision as an auditor examines it: its tally as of any instant, stepped ballot by ballot through the voting
 * events of the log (previous, next, or a time), with the same query as {@code GET …/tally?asOf=}; and the what-if
 * form, which re-tallies the closed vote under other rules with the service the API's what-if uses, labelled
 * hypothetical and storing nothing.
 */
@Controller
class AuditDecisionPage {

    /** Voting events shown around the current one. */
    static final int WINDOW = 15;

    private final AuditorAccess auditors;
    private final Queries queries;
    private final ProposalsOfCooperative proposals;
    private final AuditHistory history;
    private final ProposalReplays replays;

    AuditDecisionPage(AuditorAccess auditors, Queries queries, ProposalsOfCooperative proposals, AuditHistory history,
                      ProposalReplays replays) {
        this.auditors = auditors;
        this.queries = queries;
        this.proposals = proposals;
        this.history = history;
        this.replays = replays;
    }

    @GetMapping("/cooperatives/{cooperativeId}/audit/proposals/{proposalId}")
    Mono<String> show(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user,
                      Model model, ServerWebExchange exchange) {
        var params = exchange.getRequest().getQueryParams();
        String step = params.getFirst("step");
        String asOf = params.getFirst("asOf");
        return auditors.require(cooperativeId, user).flatMap(coop -> proposals.require(cooperativeId, proposalId)
                .flatMap(proposal -> {
                    Position position;
                    try {
                        position = Position.of(step, asOf);
                    } catch (InvalidInput refused) {
                        Refusal refusal = Refusal.of("step", refused, Words.of(model));
                        exchange.getResponse().setStatusCode(refusal.status());
                        return render(coop, proposal, user, model, Position.LATEST, refusal, WhatIfDraft.EMPTY, null)
                                .map(view -> {
                                    model.addAttribute("typedAsOf", FormText.shown(asOf == null ? "" : asOf.strip()));
                                    return view;
                                });
                    }
                    return render(coop, proposal, user, model, position, Refusal.NONE, WhatIfDraft.EMPTY, null);
                }));
    }

    /** A re-tally under other rules: nothing is sent, nothing stored; the answer is shown as hypothetical. */
    @PostMapping("/cooperatives/{cooperativeId}/audit/proposals/{proposalId}/what-if")
    Mono<String> whatIf(@PathVariable String cooperativeId, @PathVariable String proposalId, @AuthenticationPrincipal PlenumUser user,
                        Model model, ServerWebExchange exchange) {
        return auditors.require(cooperativeId, user).flatMap(coop -> proposals.require(cooperativeId, proposalId)
                .flatMap(proposal -> exchange.getFormData().flatMap(form -> {
                    WhatIfDraft draft = WhatIfDraft.of(form);
                    return Mono.fromCallable(() -> {
                                FormText.requireTypable(form);
                                return replay(proposalId).whatIf(draft.rules());
                            })
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(hypothesis -> render(coop, proposal, user, model, Position.LATEST, Refusal.NONE, draft,
                                    Hypothetical.of(proposal, hypothesis)))
                            .onErrorResume(RuleViolation.class, refused -> {
                                Refusal refusal = Refusal.of("what-if", refused, Words.of(model));
                                exchange.getResponse().setStatusCode(refusal.status());
                                return Refusal.shownAfresh(() -> render(coop, proposal, user, model, Position.LATEST, refusal, draft, null));
                            });
                })));
    }

    private Mono<String> render(CooperativeView coop, ProposalSummary proposal, PlenumUser user, Model model, Position position,
                                Refusal refusal, WhatIfDraft draft, Hypothetical hypothetical) {
        String proposalId = proposal.proposalId().value();
        return Mono.fromCallable(() -> Steps.read(history, proposalId, position))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(steps -> Mono.zip(
                        queries.one(new FindTally(proposal.proposalId(), steps.asOf()), TallyView.class).map(view -> audited(proposal, view)),
                        queries.many(new FindMembers(coop.cooperativeId()), MemberView.class),
                        Mono.fromCallable(() -> pinned(proposalId, Words.of(model))).subscribeOn(Schedulers.boundedElastic()))
                        .map(found -> {
                            Map<String, String> names = new HashMap<>();
                            found.getT2().forEach(m -> names.put(m.memberId().value(), m.displayName()));
                            model.addAttribute("user", user);
                            model.addAttribute("coop", coop);
                            model.addAttribute("p", proposal);
                            model.addAttribute("steps", steps);
                            model.addAttribute("tally", found.getT1());
                            model.addAttribute("names", names);
                            model.addAttribute("classNames", coop.charter().classes().stream()
                                    .collect(java.util.stream.Collectors.toMap(c -> c.id(), c -> c.name(), (a, b) -> a)));
                            model.addAttribute("pinned", found.getT3().rules());
                            model.addAttribute("whatIfUnavailable", found.getT3().unavailable());
                            model.addAttribute("draft", draft);
                            model.addAttribute("hypothetical", hypothetical);
                            model.addAttribute("refusal", refusal);
                            if (!model.containsAttribute("typedAsOf")) {
                                model.addAttribute("typedAsOf", steps.asOf() == null ? "" : steps.asOf().toString());
                            }
                            return "audit-decision";
                        }));
    }

    /**
     * The workspace shows the log as it is, so an AFTER_CLOSE vote's counts too (docs/audit.md, "Hidden results"). A
     * secret vote's log holds no choice until it closes: at an instant before that its tally is who took part, and
     * the count it is computed with (everyone taking part as abstaining) is a placeholder that must not be shown.
     */
    private static TallyJson audited(ProposalSummary proposal, TallyView view) {
        return proposal.secret() && view.hidden() != null ? TallyJson.of(view) : TallyJson.ofEverything(view);
    }

    /** The rules the vote was tallied under, to show beside the form; or why it cannot be re-tallied, in the reader's words. */
    private Pinned pinned(String proposalId, Words words) {
        try {
            return new Pinned(replay(proposalId).whatIf(WhatIfRules.none()), null);
        } catch (StateConflict | coop.plenum.kernel.NotFound unavailable) {
            return new Pinned(null, RefusalWords.say(unavailable, words));
        }
    }

    private record Pinned(DecisionReplay.Hypothesis rules, String unavailable) {
    }

    /**
     * The vote rebuilt from its stored events. Events that no longer deserialize were changed behind Plenum's back:
     * that is the verification's finding to report, so here it is a refusal, not a failure of the page.
     */
    private DecisionReplay replay(String proposalId) {
        try {
            return replays.of(proposalId);
        } catch (org.axonframework.serialization.SerializationException unreadable) {
            throw new StateConflict("audit.events-unreadable",
                    "this proposal's stored events cannot be read, so it cannot be re-tallied here: verify the history");
        }
    }

    /** Which moment to show: a voting event by its number, an instant, or the latest. */
    record Position(Integer step, Instant asOf) {

        static final Position LATEST = new Position(null, null);

        static Position of(String step, String asOf) {
            List<Violation> violations = new ArrayList<>();
            Integer number = null;
            if (step != null && !step.isBlank()) {
                try {
                    number = Integer.valueOf(step.strip());
                } catch (NumberFormatException e) {
                    number = -1;
                }
                if (number < 0) {
                    violations.add(new Violation("step", "audit.step-invalid", "step is the number of a voting event, 0 or more"));
                }
            }
            Instant instant = AuditTime.parse("asOf", asOf, violations);
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            return new Position(number, instant);
        }
    }

    /**
     * The proposal's voting events around the moment shown: {@code current} is the number of the last event at or
     * before it (-1: before voting opened), {@code asOf} the instant whose tally is shown (null: the final tally).
     */
    record Steps(int count, int current, Instant asOf, List<AuditHistory.VotingStep> window) {

        static Steps read(AuditHistory history, String proposalId, Position position) {
            int count = history.votingStepCount(proposalId);
            int current;
            Instant asOf = null;
            if (position.step() != null) {
                current = Math.min(position.step(), count - 1);
            } else if (position.asOf() != null) {
                asOf = position.asOf();
                current = history.votingStepsUpTo(proposalId, asOf) - 1;
            } else {
                current = count - 1;
            }
            int first = Math.max(0, Math.min(current - WINDOW / 2, count - WINDOW));
            List<AuditHistory.VotingStep> window = count == 0 ? List.of() : history.votingSteps(proposalId, first, WINDOW);
            if (asOf == null && current >= 0) {
                int at = current;
                asOf = window.stream().filter(s -> s.number() == at).map(AuditHistory.VotingStep::at).findFirst().orElse(null);
            }
            return new Steps(count, current, asOf, window);
        }

        // public for the template
        /** The voting event shown, or null (before voting opened, or outside the window). */
        public AuditHistory.VotingStep currentStep() {
            return window.stream().filter(s -> s.number() == current).findFirst().orElse(null);
        }

        /**
         * What a step's sentence says: the member's name (or id) and the choice of a ballot in clear (a sealed ballot
         * has none to say); for a page of revealed ballots, how many it holds and which page of how many it is.
         */
        public Object[] said(AuditHistory.VotingStep step, Map<String, String> names) {
            AuditHistory.Revealed revealed = step.revealed();
            if (revealed != null) {
                return new Object[]{revealed.ballots().size(), revealed.page(), revealed.pages()};
            }
            return new Object[]{step.memberId() == null ? "" : names.getOrDefault(step.memberId(), step.memberId()), step.choice()};
        }

        /** A revealed ballot's body in one line, by option ids as stored (the method decides which part it has). */
        public String ballot(coop.plenum.governance.proposal.RevealedBallot b) {
            if (b.choice() != null) {
                return b.choice().name();
            }
            if (b.approve() != null) {
                return String.join(", ", b.approve());
            }
            if (b.scores() != null) {
                return b.scores().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(java.util.stream.Collectors.joining(", "));
            }
            if (b.consent() != null) {
                return b.reason() == null ? b.consent().name() : b.consent().name() + ": " + b.reason();
            }
            if (b.ranking() != null) {
                return b.ranking().stream().map(group -> String.join(" = ", group))
                        .collect(java.util.stream.Collectors.joining(" > "));
            }
            return "";
        }

        public boolean hasPrevious() {
            return current > 0;
        }

        public boolean hasNext() {
            return current < count - 1;
        }
    }

    /** A what-if answer as the page shows it: the rules tried, the recorded result, and the tally these rules give. */
    record Hypothetical(DecisionReplay.Hypothesis hypothesis, TallyJson tally) {

        static Hypothetical of(ProposalSummary proposal, DecisionReplay.Hypothesis hypothesis) {
            TallyView view = new TallyView(proposal.proposalId(), proposal.cooperativeId(), ProposalState.CLOSED,
                    hypothesis.tally().outcome(), hypothesis.recorded().closedAt(), hypothesis.tally());
            return new Hypothetical(hypothesis, TallyJson.of(view));
        }
    }
}
