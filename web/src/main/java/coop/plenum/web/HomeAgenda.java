package coop.plenum.web;

import coop.plenum.api.ledger.LedgerOfCooperative;
import coop.plenum.api.security.PlenumUser;
import coop.plenum.api.support.Queries;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.membership.query.AccessView;
import coop.plenum.governance.membership.query.CooperativeSummary;
import coop.plenum.governance.membership.query.FindAccess;
import coop.plenum.governance.membership.query.FindMember;
import coop.plenum.governance.membership.query.MemberView;
import coop.plenum.governance.notification.FindVoteStanding;
import coop.plenum.governance.notification.VoteStanding;
import coop.plenum.governance.proposal.query.FindVoteAgenda;
import coop.plenum.governance.proposal.query.ProposalSummary;
import coop.plenum.governance.proposal.query.VoteAgenda;
import coop.plenum.ledger.ContributorId;
import coop.plenum.ledger.query.ContributionView;
import coop.plenum.ledger.query.FindPendingContributions;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What waits for the signed-in person across their cooperatives (issue 14, "Home"): open votes they have not voted
 * in, contributions they may still evaluate, and the latest decisions. Built from read models answering by key
 * (the vote agenda, a member's standing in a vote, a ledger's pending contributions), so the cost follows what is
 * open now, not the cooperatives' histories.
 */
@Component
class HomeAgenda {

    /** Contributions listed per cooperative; the ledger page has the rest. */
    static final int EVALUATIONS_PER_COOPERATIVE = 10;
    /** Decisions listed across all cooperatives. */
    static final int RECENT_DECISIONS = 8;

    private final Queries queries;
    private final Clock clock;

    HomeAgenda(Queries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** An open vote waiting for the member's ballot; {@code carriedBy}: whose ballot counts for them meanwhile, or null. */
    record WaitingVote(CooperativeSummary cooperative, ProposalSummary proposal, Countdown.TimeLeft timeLeft, String carriedBy) {
    }

    /** A peer's pending contribution the member has not evaluated. */
    record WaitingEvaluation(CooperativeSummary cooperative, ContributionView contribution, String contributor) {
    }

    /** A closed vote, and when it closed. */
    record RecentDecision(CooperativeSummary cooperative, ProposalSummary proposal, Instant closedAt) {
    }

    /** {@code moreEvaluations}: per cooperative shown, how many more wait than are listed. */
    record Home(List<WaitingVote> votes, List<WaitingEvaluation> evaluations, List<MoreEvaluations> moreEvaluations,
                List<RecentDecision> decisions) {
    }

    record MoreEvaluations(CooperativeSummary cooperative, int more) {
    }

    private record Part(List<WaitingVote> votes, List<WaitingEvaluation> evaluations, MoreEvaluations more,
                        List<RecentDecision> decisions) {
    }

    Mono<Home> of(PlenumUser user, List<CooperativeSummary> cooperatives) {
        Instant now = clock.instant();
        return Flux.fromIterable(cooperatives)
                .filter(c -> !c.myRoles().isEmpty()) // an applicant reads nothing of the cooperative yet
                .concatMap(c -> queries.one(new FindAccess(c.cooperativeId(), user.accountId()), AccessView.class)
                        .flatMap(access -> part(c, access, now)))
                .collectList()
                .map(parts -> {
                    List<WaitingVote> votes = new ArrayList<>();
                    List<WaitingEvaluation> evaluations = new ArrayList<>();
                    List<MoreEvaluations> more = new ArrayList<>();
                    List<RecentDecision> decisions = new ArrayList<>();
                    parts.forEach(p -> {
                        votes.addAll(p.votes());
                        evaluations.addAll(p.evaluations());
                        if (p.more() != null) {
                            more.add(p.more());
                        }
                        decisions.addAll(p.decisions());
                    });
                    votes.sort(Comparator.comparing((WaitingVote v) -> closes(v.proposal()))
                            .thenComparing(v -> v.proposal().proposalId().value()));
                    decisions.sort(Comparator.comparing(RecentDecision::closedAt).reversed()
                            .thenComparing(d -> d.proposal().proposalId().value()));
                    return new Home(votes, evaluations, more, decisions.stream().limit(RECENT_DECISIONS).toList());
                });
    }

    private static Instant closes(ProposalSummary p) {
        return p.votingClosesAt() == null ? Instant.MAX : p.votingClosesAt();
    }

    private Mono<Part> part(CooperativeSummary c, AccessView access, Instant now) {
        Mono<VoteAgenda> agenda = queries.one(new FindVoteAgenda(c.cooperativeId()), VoteAgenda.class)
                .defaultIfEmpty(VoteAgenda.none());
        // only an ACTIVE member votes and evaluates; a suspended one, an auditor or a secretary without a seat reads
        boolean acts = access.isActiveMember() && access.memberId() != null;
        return agenda.flatMap(a -> Mono.zip(acts ? waitingVotes(c, access.memberId(), a, now) : Mono.just(List.<WaitingVote>of()),
                        acts ? waitingEvaluations(c, access.memberId()) : Mono.just(List.<WaitingEvaluation>of()))
                .map(t -> {
                    List<WaitingEvaluation> all = t.getT2();
                    List<WaitingEvaluation> shown = all.stream().limit(EVALUATIONS_PER_COOPERATIVE).toList();
                    MoreEvaluations more = all.size() > shown.size() ? new MoreEvaluations(c, all.size() - shown.size()) : null;
                    return new Part(t.getT1(), shown, more, a.decided().stream()
                            .map(d -> new RecentDecision(c, d.proposal(), d.closedAt())).toList());
                }));
    }

    private Mono<List<WaitingVote>> waitingVotes(CooperativeSummary c, MemberId me, VoteAgenda agenda, Instant now) {
        return Flux.fromIterable(agenda.open())
                .concatMap(p -> queries.one(new FindVoteStanding(p.proposalId(), me), VoteStanding.class)
                        .filter(VoteStanding::waiting)
                        .flatMap(standing -> nameOf(c, standing.carriedBy())
                                .map(name -> new WaitingVote(c, p, Countdown.left(now, p.votingClosesAt()), name.isEmpty() ? null : name))))
                .collectList();
    }

    private Mono<List<WaitingEvaluation>> waitingEvaluations(CooperativeSummary c, MemberId me) {
        ContributorId mine = new ContributorId(me.value());
        return queries.many(new FindPendingContributions(LedgerOfCooperative.ledgerOf(c.cooperativeId())), ContributionView.class)
                .flatMapMany(Flux::fromIterable)
                // SPEC: never one's own contribution, and one evaluation per evaluator
                .filter(x -> !x.contributorId().equals(mine) && !x.evaluatedBy(mine))
                .index()
                .concatMap(x -> x.getT1() < EVALUATIONS_PER_COOPERATIVE
                        ? nameOf(c, new MemberId(x.getT2().contributorId().value()))
                                .map(name -> new WaitingEvaluation(c, x.getT2(), name))
                        : Mono.just(new WaitingEvaluation(c, x.getT2(), null)))
                .collectList();
    }

    /** A member's display name ("" for none asked, the id when the member is not known). */
    private Mono<String> nameOf(CooperativeSummary c, MemberId member) {
        if (member == null) {
            return Mono.just("");
        }
        return queries.one(new FindMember(c.cooperativeId(), member), MemberView.class)
                .map(m -> m.displayName() == null ? member.value() : m.displayName())
                .defaultIfEmpty(member.value());
    }
}
