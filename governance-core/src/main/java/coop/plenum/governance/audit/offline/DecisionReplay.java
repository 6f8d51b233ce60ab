package coop.plenum.governance.audit.offline;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.DelegationsFrozen;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.OptionMethod;
import coop.plenum.governance.options.OptionTally;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Tally;
import coop.plenum.governance.tally.YesNo;
import coop.plenum.governance.voting.BallotBox;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Voter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One proposal's vote rebuilt from its own events, as the server decided it: the electorate and rules frozen in
 * {@link VotingOpened}, the last ballot of each member, the delegations frozen at closing, and the same vote count
 * the aggregate runs at closing. At {@link VotingClosed} it says whether the recorded outcome is the one the events
 * give.
 */
public final class DecisionReplay {

    /** A recorded decision and what its events give. */
    public record Result(String proposalId, String recordedOutcome, String recordedApproval, String outcome, String approval,
                         List<String> recordedWinners, List<String> winners) {

        public Result(String proposalId, String recordedOutcome, String recordedApproval, String outcome, String approval) {
            this(proposalId, recordedOutcome, recordedApproval, outcome, approval, List.of(), List.of());
        }

        public Result {
            // a YES_NO result, and any recorded before voting methods, names no winners
            recordedWinners = recordedWinners == null ? List.of() : List.copyOf(recordedWinners);
            winners = winners == null ? List.of() : List.copyOf(winners);
        }

        public boolean matches() {
            return Objects.equals(recordedOutcome, outcome) && Objects.equals(recordedApproval, approval)
                    && recordedWinners.equals(winners);
        }
    }

    private VotingOpened opened;
    private final BallotBox<Choice> ballots = new BallotBox<>();
    private final BallotBox<OptionBallot> optionBallots = new BallotBox<>();
    private final BallotBox<coop.plenum.governance.options.ConsentBallot> consentBallots = new BallotBox<>();
    private final BallotBox<coop.plenum.governance.options.RankedBallot> rankedBallots = new BallotBox<>();
    private Map<MemberId, MemberId> delegated = Map.of();
    private VotingClosed closed;
    /** SECRET: who took part (public), and the ballots revealed at close (without their members). */
    private final java.util.Set<MemberId> secretParticipants = new java.util.LinkedHashSet<>();
    private final List<coop.plenum.governance.proposal.RevealedBallot> revealed = new java.util.ArrayList<>();

    void on(Object event) {
        if (event instanceof VotingOpened e) {
            opened = e;
        } else if (event instanceof BallotCast e) {
            OptionBallot optionBallot = e.optionBallot();
            if (optionBallot != null) {
                optionBallots.cast(e.memberId(), optionBallot);
            } else if (e.rankedBallot() != null) {
                rankedBallots.cast(e.memberId(), e.rankedBallot());
            } else if (e.consentBallot() != null) {
                consentBallots.cast(e.memberId(), e.consentBallot());
            } else {
                ballots.cast(e.memberId(), e.choice());
            }
        } else if (event instanceof BallotRetracted e) {
            ballots.retract(e.memberId());
            optionBallots.retract(e.memberId());
            consentBallots.retract(e.memberId());
            rankedBallots.retract(e.memberId());
        } else if (event instanceof coop.plenum.governance.proposal.SecretBallotCast e) {
            secretParticipants.add(e.memberId());
        } else if (event instanceof coop.plenum.governance.proposal.SecretBallotRetracted e) {
            secretParticipants.remove(e.memberId());
        } else if (event instanceof coop.plenum.governance.proposal.SecretBallotsRevealed e) {
            revealed.addAll(e.ballots());
        } else if (event instanceof DelegationsFrozen e) {
            Map<MemberId, MemberId> frozen = new HashMap<>();
            e.delegations().forEach(d -> frozen.put(d.memberId(), d.delegateId()));
            delegated = frozen;
        }
    }

    /** Whether the vote was SECRET (as pinned in its VotingOpened). */
    public boolean secret() {
        return opened != null && opened.ballotSecrecy().isSecret();
    }

    /** A closed secret vote's revealed ballots, in their published (tag) order; none for any other vote. */
    public List<coop.plenum.governance.proposal.RevealedBallot> revealedBallots() {
        return List.copyOf(revealed);
    }

    /** The recorded close, once fed; null while the export holds none. */
    public VotingClosed recordedClose() {
        return closed;
    }

    /** The vote re-tallied under other rules, with the ballots and frozen delegations it had. */
    public Hypothesis whatIf(WhatIfRules rules) {
        if (opened == null || closed == null) {
            throw new coop.plenum.kernel.StateConflict("what-if.not-closed", "only a closed vote can be re-tallied under other rules");
        }
        if (opened.votingMethod() != coop.plenum.governance.options.VoteMethod.YES_NO) {
            throw new coop.plenum.kernel.StateConflict("what-if.yes-no-only",
                    "what-if re-tallies YES_NO votes; this one was " + opened.votingMethod());
        }
        List<coop.plenum.governance.charter.StakeholderClass> classes = rules.classesFrom(opened.classes());
        coop.plenum.governance.charter.DecisionRule decision = rules.decisionFrom(opened.decision());
        coop.plenum.governance.charter.DelegationRule delegation = rules.delegationFrom(opened.delegation());
        Electorate electorate = new Electorate(classes, decision, opened.electorate().stream()
                .map(m -> new Voter(m.memberId(), m.classId(), m.power())).toList());
        Map<MemberId, MemberId> followed = Boolean.TRUE.equals(delegation.enabled()) ? delegated : Map.of();
        if (opened.ballotSecrecy().isSecret()) {
            // the revealed anonymous ballots under the other rules; a secret vote has no delegation to follow
            coop.plenum.governance.proposal.secret.SecretCount.CountInput counted = coop.plenum.governance.proposal.secret.SecretCount.of(
                    opened.proposalId(), classes, decision, opened.electorate(), secretParticipants, revealed);
            return new Hypothesis(classes, decision, delegation, closed,
                    YesNo.count(counted.electorate(), Map.of(), 0, counted.choices()).result());
        }
        Tally tally = YesNo.count(electorate, followed, delegation.maxChainLength(), ballots.ballots()).result();
        return new Hypothesis(classes, decision, delegation, closed, tally);
    }

    /** A re-tally under other rules: the rules used, what was recorded, and what these rules give. */
    public record Hypothesis(List<coop.plenum.governance.charter.StakeholderClass> classes,
                             coop.plenum.governance.charter.DecisionRule decision,
                             coop.plenum.governance.charter.DelegationRule delegation, VotingClosed recorded, Tally tally) {
    }

    /** Feeds one event of the proposal's stream, closing included. */
    public void replay(Object event) {
        if (event instanceof VotingClosed e) {
            closed = e;
        } else {
            on(event);
        }
    }

    Optional<Result> closed(VotingClosed closed) {
        this.closed = closed;
        if (opened == null) {
            return Optional.of(new Result(closed.proposalId().value(), String.valueOf(closed.outcome()), closed.approval(),
                    "no VotingOpened in the export", null));
        }
        Electorate electorate = new Electorate(opened.classes(), opened.decision(), opened.electorate().stream()
                .map(m -> new Voter(m.memberId(), m.classId(), m.power())).toList());
        Integer maxChainLength = opened.delegation() == null ? 0 : opened.delegation().maxChainLength();
        if (opened.ballotSecrecy().isSecret()) {
            Optional<String> unlike = coop.plenum.governance.proposal.secret.SecretCount.revealedDoNotMatchParticipants(
                    opened.electorate(), secretParticipants, revealed);
            if (unlike.isPresent()) {
                return Optional.of(new Result(closed.proposalId().value(), String.valueOf(closed.outcome()), closed.approval(),
                        unlike.get(), null, closed.winners(), null));
            }
            // the revealed anonymous ballots in place of the members who took part; no delegation in a secret vote
            coop.plenum.governance.proposal.secret.SecretCount.CountInput counted = coop.plenum.governance.proposal.secret.SecretCount.of(
                    opened.proposalId(), opened.classes(), opened.decision(), opened.electorate(), secretParticipants, revealed);
            electorate = counted.electorate();
            delegated = Map.of();
            maxChainLength = 0;
            ballots.clear();
            optionBallots.clear();
            consentBallots.clear();
            rankedBallots.clear();
            counted.choices().forEach(ballots::cast);
            counted.optionBallots().forEach(optionBallots::cast);
            counted.consentBallots().forEach(consentBallots::cast);
            counted.rankedBallots().forEach(rankedBallots::cast);
        }
        if (opened.votingMethod() == coop.plenum.governance.options.VoteMethod.ELECTION) {
            // the board election's own count: candidates and seats pinned at opening, no delegation
            Map<String, List<String>> candidates = new java.util.LinkedHashMap<>();
            opened.candidatesOrNone().forEach(c -> candidates.computeIfAbsent(c.classId(), k -> new java.util.ArrayList<>())
                    .add(c.memberId().value()));
            Map<MemberId, List<String>> rankings = new java.util.LinkedHashMap<>();
            rankedBallots.ballots().forEach((m, b) -> rankings.put(m, b.ranking().stream().flatMap(List::stream).toList()));
            coop.plenum.governance.election.ElectionResult result = coop.plenum.governance.election.ElectionTally.count(
                    opened.classes(), opened.seatsOrNone(), candidates, electorate.voters(), rankings);
            return Optional.of(new Result(closed.proposalId().value(), String.valueOf(closed.outcome()), closed.approval(),
                    String.valueOf(result.outcome()), null, closed.winners(), result.elected()));
        }
        if (opened.votingMethod() == coop.plenum.governance.options.VoteMethod.RANKED) {
            coop.plenum.governance.options.SchulzeTally tally = coop.plenum.governance.options.SchulzeMethod.of(opened.optionsOrNone())
                    .count(electorate, delegated, maxChainLength, rankedBallots.ballots()).result();
            return Optional.of(new Result(closed.proposalId().value(), String.valueOf(closed.outcome()), closed.approval(),
                    String.valueOf(tally.outcome()), null, closed.winners(), tally.winners()));
        }
        if (opened.votingMethod() == coop.plenum.governance.options.VoteMethod.BUDGET && opened.budget() != null) {
            // the funded projects are the winners, in the order they were bought
            coop.plenum.governance.budget.BudgetTally tally = coop.plenum.governance.budget.BudgetCount.count(opened.budget(),
                    opened.optionsOrNone(), electorate, delegated, maxChainLength, optionBallots.ballots());
            return Optional.of(new Result(closed.proposalId().value(), String.valueOf(closed.outcome()), closed.approval(),
                    String.valueOf(tally.outcome()), null, closed.winners(), tally.winners()));
        }
        if (opened.votingMethod().isScored()) {
            OptionTally tally = OptionMethod.of(opened.votingMethod(), opened.optionsOrNone())
                    .count(electorate, delegated, maxChainLength, optionBallots.ballots()).result();
            return Optional.of(new Result(closed.proposalId().value(), String.valueOf(closed.outcome()), closed.approval(),
                    String.valueOf(tally.outcome()), tally.winningScore() == null ? null : tally.winningScore().toString(),
                    closed.winners(), tally.winners()));
        }
        if (opened.votingMethod() == coop.plenum.governance.options.VoteMethod.CONSENT) {
            coop.plenum.governance.options.ConsentTally tally = coop.plenum.governance.options.ConsentMethod.tally(
                    coop.plenum.governance.options.ConsentMethod.count(electorate, delegated, maxChainLength, consentBallots.ballots()));
            return Optional.of(new Result(closed.proposalId().value(), String.valueOf(closed.outcome()), closed.approval(),
                    String.valueOf(tally.outcome()), null));
        }
        Tally tally = YesNo.count(electorate, delegated, maxChainLength, ballots.ballots()).result();
        return Optional.of(new Result(closed.proposalId().value(), String.valueOf(closed.outcome()), closed.approval(),
                String.valueOf(tally.outcome()), tally.approval() == null ? null : tally.approval().toString()));
    }
}
