package coop.plenum.governance.proposal.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.cooperative.CooperativeFacts;
import coop.plenum.governance.cooperative.CooperativeFactsSource;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.cooperative.Elector;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.power.AcceptedPoints;
import coop.plenum.governance.power.VotingPowerFormula;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotOutcome;
import coop.plenum.governance.proposal.BallotRecorded;
import coop.plenum.governance.proposal.CastBallots;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CloseVoting;
import coop.plenum.governance.proposal.CommentAdded;
import coop.plenum.governance.proposal.CommentOnProposal;
import coop.plenum.governance.proposal.DelegationsFrozen;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.OpenVoting;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalRevised;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.ProposalWithdrawn;
import coop.plenum.governance.proposal.RetractBallot;
import coop.plenum.governance.proposal.ReviseProposal;
import coop.plenum.governance.proposal.SubmitProposal;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.proposal.WithdrawProposal;
import coop.plenum.governance.options.ConsentBallot;
import coop.plenum.governance.options.ConsentMethod;
import coop.plenum.governance.options.ConsentTally;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.RankedBallot;
import coop.plenum.governance.options.SchulzeMethod;
import coop.plenum.governance.options.SchulzeTally;
import coop.plenum.governance.options.OptionMethod;
import coop.plenum.governance.options.OptionTally;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.ProposalInputRules;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Tally;
import coop.plenum.governance.tally.YesNo;
import coop.plenum.governance.voting.BallotBox;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.Voter;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.RuleViolation;
import coop.plenum.kernel.StateConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A proposal: deliberation, then a vote over an electorate frozen when voting opens, then an outcome. Facts about
 * the cooperative (who is an ACTIVE member, who is secretary, the electorate as of an instant) come from the
 * Cooperative aggregate through {@link CooperativeFactsSource}; scheduled opening and closing are persistent
 * deadlines that fire once, also across restarts.
 */
@Aggregate(repository = "proposalRepository")
class Proposal implements coop.plenum.governance.axon.SnapshotSource {

    static final String VOTING_OPENS = "voting-opens";
    static final String VOTING_CLOSES = "voting-closes";

    @AggregateIdentifier
    private ProposalId proposalId;
    private CooperativeId cooperativeId;
    private AccountId author;
    private MemberId authorMember;
    private String topic;
    private ProposalState state;
    private coop.plenum.governance.tally.Outcome outcome;
    private Instant votingOpensAt;
    private Instant votingClosesAt;
    private int revision;
    private List<StakeholderClass> classes;
    private DecisionRule decision;
    private coop.plenum.governance.charter.DelegationRule delegation;
    private final Map<MemberId, ElectorateMember> electorate = new LinkedHashMap<>();
    private final BallotBox<Choice> ballots = new BallotBox<>();
    private VoteMethod method = VoteMethod.YES_NO;
    private List<ProposalOption> options = List.of();
    /** A BUDGET proposal's budget; null for every other method. */
    private coop.plenum.governance.budget.ProposalBudget budget;
    private coop.plenum.governance.proposal.Visibility visibility = coop.plenum.governance.proposal.Visibility.PUBLIC;
    /** The ballots of an option method (APPROVAL, SCORE); {@link #ballots} holds those of YES_NO. */
    private final BallotBox<OptionBallot> optionBallots = new BallotBox<>();
    /** The ballots of a CONSENT vote. */
    private final BallotBox<ConsentBallot> consentBallots = new BallotBox<>();
    /** The ballots of a RANKED vote. */
    private final BallotBox<RankedBallot> rankedBallots = new BallotBox<>();
    /** ELECTION: the seats per class, from the submission. */
    private Map<String, Integer> seats = Map.of();
    /** ELECTION, during deliberation: every standing nomination, accepted or not, in the order first nominated. */
    private final Map<MemberId, Candidacy> candidacies = new LinkedHashMap<>();
    /** ELECTION, from opening: the candidates standing, each for their class, in the pinned order. */
    private List<coop.plenum.governance.proposal.ElectionCandidate> candidates = List.of();
    /** OPEN, or SECRET: ballots sealed under a key outside the log, revealed without their members at close. */
    private coop.plenum.governance.proposal.Secrecy secrecy = coop.plenum.governance.proposal.Secrecy.OPEN;
    /** SECRET, while voting: each member's last sealed ballot, in the order first cast. */
    private final Map<MemberId, String> sealedBallots = new LinkedHashMap<>();
    /** The ids of the comments made so far: a reply must answer one of them. */
    private final java.util.Set<String> commentIds = new java.util.LinkedHashSet<>();

    Proposal() {
        // for Axon's event sourcing
    }

    @CommandHandler
    Proposal(SubmitProposal command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock,
             CooperativeFactsSource cooperatives, DeadlineManager deadlines) {
        Instant now = clock.instant();
        CooperativeFacts coop = cooperatives.facts(command.cooperativeId());
        MemberId author = ProposalRules.onlyActiveMembersPropose(coop, actor);
        ProposalRules.assertValidSubmission(command, coop, now);
        // Plenum's instants tick in milliseconds (the clock, the read models); a schedule is kept at that precision
        Instant opensAt = millis(command.votingOpensAt());
        Instant closesAt = millis(command.votingClosesAt());
        apply(new ProposalSubmitted(command.proposalId(), command.cooperativeId(), author, new AccountId(actor),
                command.title().strip(), command.body(), command.topic(), command.kind(), command.effect(),
                opensAt, closesAt, now, VoteMethod.orDefault(command.method()),
                command.options() == null || command.options().isEmpty() ? null : List.copyOf(command.options()),
                pinned(command.visibility()), ProposalRules.seatsOfTheElection(command, coop.charterAsOf(now)),
                plainBudget(command.budget()), SecretBallotRules.pinned(SecretBallotRules.secrecyOf(command,
                        coop.charterAsOf(now)))));
        if (opensAt != null) {
            deadlines.schedule(opensAt, VOTING_OPENS, new VotingOpensDue(command.proposalId()));
        }
        if (closesAt != null) {
            deadlines.schedule(closesAt, VOTING_CLOSES, new VotingClosesDue(command.proposalId()));
        }
    }

    /**
     * A proposal addressed under another cooperative does not exist there: the same 404 as an unknown id, decided
     * here from the aggregate's own state instead of a read-model lookup before every command.
     */
    @CommandHandlerInterceptor
    Object onlyUnderItsOwnCooperative(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object addressed = command.getMetaData().get(EventMetadata.ADDRESSED_COOPERATIVE);
        if (addressed != null && !addressed.equals(cooperativeId.value())) {
            throw new NotFound("proposal.not-found", "no proposal '" + proposalId.value() + "' here");
        }
        return chain.proceed();
    }

    @CommandHandler
    void handle(ReviseProposal command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        onlyTheAuthor(actor, "revise");
        stateIs(ProposalState.DELIBERATION, "revise");
        command.assertInputValid();
        apply(new ProposalRevised(proposalId, revision + 1, command.title().strip(), command.body(), clock.instant()));
    }

    @CommandHandler
    void handle(CommentOnProposal command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock,
                CooperativeFactsSource cooperatives) {
        MemberId member = ProposalRules.onlyActiveMembersPropose(cooperatives.facts(cooperativeId), actor);
        if (state != ProposalState.DELIBERATION && state != ProposalState.VOTING) {
            throw new StateConflict("proposal.comments-closed", "comments are taken during deliberation and voting only");
        }
        command.assertInputValid();
        repliesAnswerACommentOnThisProposal(command.replyTo());
        apply(new CommentAdded(proposalId, command.commentId(), member, command.text().strip(), clock.instant(),
                command.replyTo()));
    }

    @CommandHandler
    void handle(WithdrawProposal command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock,
                DeadlineManager deadlines) {
        onlyTheAuthor(actor, "withdraw");
        stateIs(ProposalState.DELIBERATION, "withdraw");
        apply(new ProposalWithdrawn(proposalId, clock.instant()));
        deadlines.cancelAllWithinScope(VOTING_OPENS);
        deadlines.cancelAllWithinScope(VOTING_CLOSES);
    }

    @CommandHandler
    void handle(OpenVoting command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock,
                CooperativeFactsSource cooperatives, AcceptedPoints points,
                coop.plenum.governance.proposal.secret.SecretBallotKeys keys) {
        CooperativeFacts coop = cooperatives.facts(cooperativeId);
        onlySecretaries(coop, actor, "open the vote");
        if (votingOpensAt != null) {
            throw new StateConflict("proposal.opening-scheduled", "this vote opens by itself at " + votingOpensAt);
        }
        stateIs(ProposalState.DELIBERATION, "open the vote of");
        openVotingAsOf(clock.instant(), coop, points, keys);
    }

    @DeadlineHandler(deadlineName = VOTING_OPENS)
    void votingOpens(VotingOpensDue due, CooperativeFactsSource cooperatives, AcceptedPoints points,
                     coop.plenum.governance.proposal.secret.SecretBallotKeys keys) {
        if (state == ProposalState.DELIBERATION) {
            // "as of" the scheduled instant, not the moment the deadline happened to fire
            openVotingAsOf(votingOpensAt, cooperatives.facts(cooperativeId), points, keys);
        }
    }

    private void openVotingAsOf(Instant openedAt, CooperativeFacts coop, AcceptedPoints points,
                                coop.plenum.governance.proposal.secret.SecretBallotKeys keys) {
        Charter charter = coop.charterAsOf(openedAt);
        List<ElectorateMember> frozen = coop.electorateAsOf(openedAt).stream()
                .map((Elector e) -> new ElectorateMember(e.memberId(), e.accountId(), e.classId(),
                        VotingPowerFormula.power(charter.votingPower(),
                                points.asOf(cooperativeId, e.memberId(), openedAt, charter.votingPower().windowDays()))))
                .toList();
        boolean election = method == VoteMethod.ELECTION;
        apply(new VotingOpened(proposalId, cooperativeId, topic, openedAt, charter.classes(), charter.decision(),
                charter.delegation(), frozen, method, method.hasOptions() ? options : null, pinned(visibility),
                election ? seats : null, election ? ElectionRules.standing(candidacies, frozen, seats) : null,
                method == VoteMethod.BUDGET ? budget : null, SecretBallotRules.pinned(secrecy)));
        if (secrecy.isSecret()) {
            // in the command's transaction: the opening that is acknowledged has its key
            keys.create(proposalId);
        }
    }

    // ---- ELECTION: candidacies during deliberation ---------------------------------------------------------------

    @CommandHandler
    void handle(coop.plenum.governance.proposal.NominateCandidate command, @MetaDataValue(EventMetadata.ACTOR) String actor,
                Clock clock, CooperativeFactsSource cooperatives) {
        Instant now = clock.instant();
        CooperativeFacts coop = cooperatives.facts(cooperativeId);
        MemberId nominator = ProposalRules.onlyActiveMembersPropose(coop, actor);
        ElectionRules.onlyElectionsHaveCandidates(method);
        stateIs(ProposalState.DELIBERATION, "nominate candidates in");
        Elector candidate = ElectionRules.candidatesAreActiveMembers(coop, command.candidateMemberId(), now);
        ElectionRules.notAlreadyNominated(candidacies, candidate.memberId());
        ElectionRules.candidatesStandForAClassWithSeats(seats, candidate.classId());
        apply(new coop.plenum.governance.proposal.CandidateNominated(proposalId, candidate.memberId(), candidate.classId(),
                nominator, now));
        if (nominator.equals(candidate.memberId())) {
            // standing for oneself needs no acceptance
            apply(new coop.plenum.governance.proposal.CandidacyAccepted(proposalId, candidate.memberId(), candidate.classId(), now));
        }
    }

    @CommandHandler
    void handle(coop.plenum.governance.proposal.AcceptNomination command, @MetaDataValue(EventMetadata.ACTOR) String actor,
                Clock clock, CooperativeFactsSource cooperatives) {
        Instant now = clock.instant();
        CooperativeFacts coop = cooperatives.facts(cooperativeId);
        MemberId member = ProposalRules.onlyActiveMembersPropose(coop, actor);
        ElectionRules.onlyElectionsHaveCandidates(method);
        stateIs(ProposalState.DELIBERATION, "accept a nomination in");
        Candidacy candidacy = ElectionRules.onlyTheNomineeAnswers(candidacies, command.candidateMemberId(), member);
        if (candidacy.accepted()) {
            throw new StateConflict("candidacy.already-accepted", "this nomination was accepted already");
        }
        Elector candidate = ElectionRules.candidatesAreActiveMembers(coop, member, now);
        ElectionRules.candidatesStandForAClassWithSeats(seats, candidate.classId());
        apply(new coop.plenum.governance.proposal.CandidacyAccepted(proposalId, member, candidate.classId(), now));
    }

    @CommandHandler
    void handle(coop.plenum.governance.proposal.WithdrawCandidacy command, @MetaDataValue(EventMetadata.ACTOR) String actor,
                Clock clock, CooperativeFactsSource cooperatives) {
        MemberId member = ProposalRules.onlyActiveMembersPropose(cooperatives.facts(cooperativeId), actor);
        ElectionRules.onlyElectionsHaveCandidates(method);
        stateIs(ProposalState.DELIBERATION, "withdraw a candidacy in");
        ElectionRules.onlyTheNomineeAnswers(candidacies, command.candidateMemberId(), member);
        apply(new coop.plenum.governance.proposal.CandidacyWithdrawn(proposalId, member, clock.instant()));
    }

    /** The budget as events write it: plain decimals (see {@code Decimals.plain}). */
    private static coop.plenum.governance.budget.ProposalBudget plainBudget(coop.plenum.governance.budget.ProposalBudget budget) {
        return budget == null ? null : new coop.plenum.governance.budget.ProposalBudget(
                coop.plenum.kernel.Decimals.plain(budget.amount()), budget.currency());
    }

    /** PUBLIC is what an absent visibility means, so events say only AFTER_CLOSE (and read like those from before it). */
    private static coop.plenum.governance.proposal.Visibility pinned(coop.plenum.governance.proposal.Visibility visibility) {
        return visibility == coop.plenum.governance.proposal.Visibility.AFTER_CLOSE ? visibility : null;
    }

    @CommandHandler
    BallotRecorded handle(CastBallot command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock,
                          coop.plenum.governance.proposal.secret.SecretBallotKeys keys) {
        return cast(command, actor, clock, MetaData.emptyInstance(), keys);
    }

    /**
     * Group commit: each ballot decided as if it came alone, in arrival order, each on the state the ones before it
     * left; a refused one records nothing and is answered with its refusal, the others are still recorded. Each
     * {@link BallotCast} names its own caster and request in its metadata, which wins over the batch's own.
     */
    @CommandHandler
    List<BallotOutcome> handle(CastBallots command, Clock clock, coop.plenum.governance.proposal.secret.SecretBallotKeys keys) {
        List<BallotOutcome> outcomes = new java.util.ArrayList<>(command.ballots().size());
        for (CastBallots.Queued queued : command.ballots()) {
            MetaData own = MetaData.with(EventMetadata.ACTOR, queued.actor());
            if (queued.correlationId() != null) {
                own = own.and(EventMetadata.CORRELATION_ID, queued.correlationId());
            }
            try {
                outcomes.add(BallotOutcome.recorded(cast(queued.ballot(), queued.actor(), clock, own, keys)));
            } catch (RuleViolation refused) {
                outcomes.add(BallotOutcome.refused(refused));
            }
        }
        return outcomes;
    }

    private BallotRecorded cast(CastBallot command, String actor, Clock clock, MetaData metaData,
                                coop.plenum.governance.proposal.secret.SecretBallotKeys keys) {
        ballotsOnlyWhileVotingIsOpen(clock.instant());
        ElectorateMember voter = onlyElectorateMembersVoteAndOnlyForThemselves(command.memberId(), actor);
        List<ProposalOption> rankable = method == VoteMethod.ELECTION ? ElectionRules.ownClassCandidates(candidates, voter) : options;
        List<coop.plenum.kernel.Violation> malformed = ProposalInputRules.ballot(method, rankable, command);
        if (!malformed.isEmpty()) {
            throw new InvalidInput(malformed);
        }
        if (secrecy.isSecret()) {
            apply(SecretBallotRules.sealed(proposalId, voter.memberId(), method, options, command, clock.instant(), keys),
                    metaData);
            return new BallotRecorded(proposalId, AggregateLifecycle.getVersion(), true);
        }
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        apply(new BallotCast(proposalId, voter.memberId(), command.choice(), clock.instant(),
                command.approve() == null ? null : List.copyOf(command.approve()),
                command.scores() == null ? null : new java.util.TreeMap<>(command.scores()), reason, command.consent(),
                command.ranking() == null ? null : command.ranking().stream().map(List::copyOf).toList()), metaData);
        // the sequence number the BallotCast just took: the caller's receipt names this event, not "the latest"
        return new BallotRecorded(proposalId, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    void handle(RetractBallot command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        ballotsOnlyWhileVotingIsOpen(clock.instant());
        ElectorateMember voter = onlyElectorateMembersVoteAndOnlyForThemselves(command.memberId(), actor);
        if (secrecy.isSecret()) {
            if (!sealedBallots.containsKey(voter.memberId())) {
                throw new StateConflict("ballot.none-to-retract", "there is no ballot to retract");
            }
            apply(new coop.plenum.governance.proposal.SecretBallotRetracted(proposalId, voter.memberId(), clock.instant()));
            return;
        }
        if (!ballots.hasBallot(voter.memberId()) && !optionBallots.hasBallot(voter.memberId())
                && !consentBallots.hasBallot(voter.memberId()) && !rankedBallots.hasBallot(voter.memberId())) {
            throw new StateConflict("ballot.none-to-retract", "there is no ballot to retract");
        }
        apply(new BallotRetracted(proposalId, voter.memberId(), clock.instant()));
    }

    @CommandHandler
    void handle(CloseVoting command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock,
                CooperativeFactsSource cooperatives, coop.plenum.governance.proposal.secret.SecretBallotKeys keys) {
        CooperativeFacts coop = cooperatives.facts(cooperativeId);
        onlySecretaries(coop, actor, "close the vote");
        if (votingClosesAt != null) {
            throw new StateConflict("proposal.closing-scheduled", "this vote closes by itself at " + votingClosesAt);
        }
        stateIs(ProposalState.VOTING, "close the vote of");
        closeVotingAt(clock.instant(), coop, keys);
    }

    @DeadlineHandler(deadlineName = VOTING_CLOSES)
    void votingCloses(VotingClosesDue due, CooperativeFactsSource cooperatives,
                      coop.plenum.governance.proposal.secret.SecretBallotKeys keys) {
        if (state == ProposalState.VOTING) {
            closeVotingAt(votingClosesAt, cooperatives.facts(cooperativeId), keys);
        }
    }

    private void closeVotingAt(Instant closedAt, CooperativeFacts coop, coop.plenum.governance.proposal.secret.SecretBallotKeys keys) {
        if (secrecy.isSecret()) {
            closeSecretVote(closedAt, keys);
            return;
        }
        Electorate frozen = new Electorate(classes, decision, electorate.values().stream()
                .map(m -> new Voter(m.memberId(), m.classId(), m.power())).toList());
        if (method == VoteMethod.ELECTION) {
            // not delegable: no delegations are read or frozen; each member's own ballot counts for them alone
            coop.plenum.governance.election.ElectionResult result = ElectionRules.count(classes, seats, candidates,
                    electorate.values(), rankedBallots.ballots());
            apply(new VotingClosed(proposalId, closedAt, result.outcome(), null, result.elected()));
            return;
        }
        Map<MemberId, MemberId> delegated = Map.of();
        if (delegation != null && Boolean.TRUE.equals(delegation.enabled())) {
            // "delegations are read as of closing": frozen with the result, so no replay ever reads them again
            delegated = electorsDelegations(coop.delegationsAsOf(closedAt).forTopic(topic));
            apply(new DelegationsFrozen(proposalId, closedAt, delegated.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(MemberId::value)))
                    .map(e -> new DelegationsFrozen.Delegation(e.getKey(), e.getValue())).toList()));
        }
        Integer maxChainLength = delegation == null ? 0 : delegation.maxChainLength();
        count(closedAt, frozen, delegated, maxChainLength, ballots.ballots(), optionBallots.ballots(), consentBallots.ballots(),
                rankedBallots.ballots());
    }

    /**
     * SPEC "secrecy: SECRET": the members' last sealed ballots are opened, published without their members in tag
     * order ({@code SecretBallotsRevealed}), counted as anonymous voters of their class and power (no delegation),
     * and the vote's key is destroyed in the same transaction: from then on nothing stored links a member to a choice.
     */
    private void closeSecretVote(Instant closedAt, coop.plenum.governance.proposal.secret.SecretBallotKeys keys) {
        List<coop.plenum.governance.proposal.RevealedBallot> revealed = SecretBallotRules.reveal(proposalId, sealedBallots,
                electorate, keys);
        coop.plenum.governance.proposal.secret.SecretReveal.pages(proposalId, revealed).forEach(AggregateLifecycle::apply);
        coop.plenum.governance.proposal.secret.SecretCount.CountInput counted = coop.plenum.governance.proposal.secret.SecretCount.of(
                proposalId, classes, decision, electorate.values(), sealedBallots.keySet(), revealed);
        count(closedAt, counted.electorate(), Map.of(), 0, counted.choices(), counted.optionBallots(),
                counted.consentBallots(), counted.rankedBallots());
        keys.destroy(proposalId);
    }

    /** The count of the vote's method over these ballots and delegations, recorded as VotingClosed. */
    private void count(Instant closedAt, Electorate frozen, Map<MemberId, MemberId> delegated, Integer maxChainLength,
                       Map<MemberId, Choice> yesNoBallots, Map<MemberId, OptionBallot> optionBallots,
                       Map<MemberId, ConsentBallot> consentBallots, Map<MemberId, RankedBallot> rankedBallots) {
        if (method == VoteMethod.RANKED) {
            SchulzeTally tally = SchulzeMethod.of(options).count(frozen, delegated, maxChainLength, rankedBallots).result();
            apply(new VotingClosed(proposalId, closedAt, tally.outcome(), null, tally.winners()));
            return;
        }
        if (method == VoteMethod.BUDGET) {
            closeBudget(closedAt, frozen, delegated, maxChainLength, optionBallots);
            return;
        }
        if (method.isScored()) {
            OptionTally tally = OptionMethod.of(method, options).count(frozen, delegated, maxChainLength, optionBallots).result();
            apply(new VotingClosed(proposalId, closedAt, tally.outcome(),
                    tally.winningScore() == null ? null : tally.winningScore().toString(), tally.winners()));
            return;
        }
        if (method == VoteMethod.CONSENT) {
            ConsentTally tally = ConsentMethod.tally(ConsentMethod.count(frozen, delegated, maxChainLength, consentBallots));
            apply(new VotingClosed(proposalId, closedAt, tally.outcome(), null));
            return;
        }
        Tally tally = YesNo.count(frozen, delegated, maxChainLength, yesNoBallots).result();
        apply(new VotingClosed(proposalId, closedAt, tally.outcome(),
                tally.approval() == null ? null : tally.approval().toString()));
    }

    /**
     * SPEC BUDGET: the Method of Equal Shares on the counted power; the funded projects are the winners, and an
     * ACCEPTED budget records them as allocations to be spent (once: the vote closes once).
     */
    private void closeBudget(Instant closedAt, Electorate frozen, Map<MemberId, MemberId> delegated, Integer maxChainLength,
                             Map<MemberId, OptionBallot> optionBallots) {
        coop.plenum.governance.budget.BudgetTally tally = coop.plenum.governance.budget.BudgetCount.count(budget, options,
                frozen, delegated, maxChainLength, optionBallots);
        apply(new VotingClosed(proposalId, closedAt, tally.outcome(), null, tally.winners()));
        if (tally.outcome() == coop.plenum.governance.tally.Outcome.ACCEPTED) {
            Map<String, ProposalOption> byId = new java.util.HashMap<>();
            options.forEach(o -> byId.put(o.id(), o));
            java.math.BigDecimal spent = java.math.BigDecimal.ZERO;
            List<coop.plenum.governance.proposal.BudgetAllocated.Allocation> allocations = new java.util.ArrayList<>();
            for (String id : tally.funded()) {
                ProposalOption o = byId.get(id);
                allocations.add(new coop.plenum.governance.proposal.BudgetAllocated.Allocation(o.id(), o.label(), o.cost()));
                spent = spent.add(o.cost());
            }
            apply(new coop.plenum.governance.proposal.BudgetAllocated(proposalId, cooperativeId, closedAt,
                    budget.currency(), budget.amount(), allocations, budget.amount().subtract(spent)));
        }
    }

    private Map<MemberId, MemberId> electorsDelegations(Map<MemberId, MemberId> all) {
        Map<MemberId, MemberId> ours = new java.util.HashMap<>();
        all.forEach((delegator, delegate) -> {
            if (electorate.containsKey(delegator)) {
                ours.put(delegator, delegate);
            }
        });
        return ours;
    }

    /** SPEC "Voting methods": authors may record an outcome statement after close (again: it replaces the last). */
    @CommandHandler
    void handle(coop.plenum.governance.proposal.RecordOutcomeStatement command, @MetaDataValue(EventMetadata.ACTOR) String actor,
                Clock clock) {
        onlyTheAuthor(actor, "record the outcome statement of");
        outcomeStatementsOnlyAfterClose();
        command.assertInputValid();
        apply(new coop.plenum.governance.proposal.OutcomeStatementRecorded(proposalId, cooperativeId,
                command.statement().strip(), authorMember, clock.instant()));
    }

    private void outcomeStatementsOnlyAfterClose() {
        if (state != ProposalState.CLOSED && state != ProposalState.EXECUTED) {
            throw new StateConflict("proposal.not-closed", "an outcome statement is recorded once the vote has closed; it is " + state);
        }
    }

    /** Once an accepted proposal's effect was applied; asking again changes nothing. */
    @CommandHandler
    void handle(coop.plenum.governance.proposal.MarkProposalExecuted command, Clock clock) {
        if (state == ProposalState.EXECUTED) {
            return;
        }
        if (state != ProposalState.CLOSED || outcome != coop.plenum.governance.tally.Outcome.ACCEPTED) {
            throw new StateConflict("proposal.not-accepted", "only an ACCEPTED proposal is executed; this one is " + state);
        }
        apply(new coop.plenum.governance.proposal.ProposalExecuted(proposalId, clock.instant()));
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    // ---- rules ------------------------------------------------------------------------------------------------

    private void repliesAnswerACommentOnThisProposal(String replyTo) {
        if (replyTo != null && !commentIds.contains(replyTo)) {
            throw new InvalidInput("replyTo", "comment.reply-to-unknown", "replyTo names no comment on this proposal");
        }
    }

    private void onlyTheAuthor(String actor, String action) {
        if (actor == null || !author.value().equals(actor)) {
            throw new NotAllowed("proposal.author-only", "only the author may " + action + " a proposal");
        }
    }

    private static void onlySecretaries(CooperativeFacts coop, String actor, String action) {
        if (actor == null || !coop.isSecretary(new AccountId(actor))) {
            throw new NotAllowed("proposal.secretary-only", "only a secretary may " + action);
        }
    }

    private void stateIs(ProposalState expected, String action) {
        if (state != expected) {
            throw new StateConflict("proposal.wrong-state", "cannot " + action + " a proposal in " + state);
        }
    }

    private void ballotsOnlyWhileVotingIsOpen(Instant now) {
        if (state != ProposalState.VOTING) {
            throw new StateConflict("ballot.voting-not-open", "ballots are taken only while voting is open; it is " + state);
        }
        // the closing deadline fires a moment after its time (the scheduler polls), and the vote closes as of that
        // time: a ballot in between would be acknowledged, counted in VotingClosed's outcome, yet cast after closing
        if (votingClosesAt != null && !now.isBefore(votingClosesAt)) {
            throw new StateConflict("ballot.voting-not-open", "ballots are taken only while voting is open; it closed at "
                    + votingClosesAt);
        }
    }

    private ElectorateMember onlyElectorateMembersVoteAndOnlyForThemselves(MemberId memberId, String actor) {
        ElectorateMember voter = memberId == null ? null : electorate.get(memberId);
        if (voter == null) {
            throw new NotAllowed("ballot.not-in-electorate",
                    "only members ACTIVE when voting opened may vote on this proposal");
        }
        if (actor == null || !voter.accountId().value().equals(actor)) {
            throw new NotAllowed("ballot.not-yours", "a member casts only their own ballot");
        }
        return voter;
    }

    // ---- state ------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ProposalSubmitted event) {
        proposalId = event.proposalId();
        cooperativeId = event.cooperativeId();
        author = event.authorAccountId();
        authorMember = event.authorMemberId();
        topic = event.topic();
        votingOpensAt = event.votingOpensAt();
        votingClosesAt = event.votingClosesAt();
        method = event.votingMethod();
        options = event.optionsOrNone();
        visibility = event.resultsVisibility();
        seats = event.seatsOrNone();
        budget = event.budget();
        secrecy = event.ballotSecrecy();
        revision = 1;
        state = ProposalState.DELIBERATION;
    }

    @Override
    public ProposalSnapshot snapshot() {
        return new ProposalSnapshot(proposalId, cooperativeId, author, topic, state, outcome, votingOpensAt, votingClosesAt,
                revision, classes, decision, delegation, List.copyOf(electorate.values()),
                ballots.ballots().entrySet().stream().map(b -> new ProposalSnapshot.Ballot(b.getKey(), b.getValue())).toList(),
                method, options,
                optionBallots.ballots().entrySet().stream().map(b -> new ProposalSnapshot.OptionBallotOf(b.getKey(), b.getValue().scores())).toList(),
                consentBallots.ballots().entrySet().stream().map(b -> new ProposalSnapshot.ConsentBallotOf(b.getKey(), b.getValue())).toList(),
                rankedBallots.ballots().entrySet().stream().map(b -> new ProposalSnapshot.RankedBallotOf(b.getKey(), b.getValue().ranking())).toList(),
                visibility, authorMember, List.copyOf(commentIds), seats,
                candidacies.entrySet().stream().map(c -> new ProposalSnapshot.CandidacyOf(c.getKey(), c.getValue().classId(),
                        c.getValue().accepted())).toList(), candidates, budget, SecretBallotRules.pinned(secrecy),
                sealedBallots.entrySet().stream().map(b -> new ProposalSnapshot.SealedBallotOf(b.getKey(), b.getValue())).toList());
    }

    @EventSourcingHandler
    void on(ProposalSnapshot snapshot) {
        proposalId = snapshot.proposalId();
        cooperativeId = snapshot.cooperativeId();
        author = snapshot.author();
        authorMember = snapshot.authorMember();
        topic = snapshot.topic();
        state = snapshot.state();
        outcome = snapshot.outcome();
        votingOpensAt = snapshot.votingOpensAt();
        votingClosesAt = snapshot.votingClosesAt();
        revision = snapshot.revision();
        classes = snapshot.classes();
        decision = snapshot.decision();
        delegation = snapshot.delegation();
        electorate.clear();
        snapshot.electorate().forEach(m -> electorate.put(m.memberId(), m));
        ballots.clear();
        snapshot.ballots().forEach(b -> ballots.cast(b.memberId(), b.choice()));
        method = VoteMethod.orDefault(snapshot.method());
        options = snapshot.options() == null ? List.of() : snapshot.options();
        optionBallots.clear();
        if (snapshot.optionBallots() != null) {
            snapshot.optionBallots().forEach(b -> optionBallots.cast(b.memberId(), new OptionBallot(b.scores())));
        }
        consentBallots.clear();
        if (snapshot.consentBallots() != null) {
            snapshot.consentBallots().forEach(b -> consentBallots.cast(b.memberId(), b.ballot()));
        }
        visibility = coop.plenum.governance.proposal.Visibility.orDefault(snapshot.visibility());
        rankedBallots.clear();
        if (snapshot.rankedBallots() != null) {
            snapshot.rankedBallots().forEach(b -> rankedBallots.cast(b.memberId(), new RankedBallot(b.ranking())));
        }
        budget = snapshot.budget();
        commentIds.clear();
        if (snapshot.commentIds() != null) {
            commentIds.addAll(snapshot.commentIds());
        }
        seats = snapshot.seats() == null ? Map.of() : snapshot.seats();
        candidacies.clear();
        if (snapshot.candidacies() != null) {
            snapshot.candidacies().forEach(c -> candidacies.put(c.memberId(), new Candidacy(c.classId(), c.accepted())));
        }
        candidates = snapshot.candidates() == null ? List.of() : snapshot.candidates();
        secrecy = coop.plenum.governance.proposal.Secrecy.orDefault(snapshot.secrecy());
        sealedBallots.clear();
        if (snapshot.sealedBallots() != null) {
            snapshot.sealedBallots().forEach(b -> sealedBallots.put(b.memberId(), b.sealed()));
        }
    }

    @EventSourcingHandler
    void on(coop.plenum.governance.proposal.CandidateNominated event) {
        candidacies.put(event.candidateMemberId(), new Candidacy(event.classId(), false));
    }

    @EventSourcingHandler
    void on(coop.plenum.governance.proposal.CandidacyAccepted event) {
        candidacies.put(event.candidateMemberId(), new Candidacy(event.classId(), true));
    }

    @EventSourcingHandler
    void on(coop.plenum.governance.proposal.CandidacyWithdrawn event) {
        candidacies.remove(event.candidateMemberId());
    }

    @EventSourcingHandler
    void on(ProposalRevised event) {
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(CommentAdded event) {
        commentIds.add(event.commentId());
    }

    @EventSourcingHandler
    void on(ProposalWithdrawn event) {
        state = ProposalState.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(VotingOpened event) {
        state = ProposalState.VOTING;
        classes = event.classes();
        decision = event.decision();
        delegation = event.delegation();
        method = event.votingMethod();
        options = event.optionsOrNone();
        visibility = event.resultsVisibility();
        candidates = event.candidatesOrNone();
        secrecy = event.ballotSecrecy();
        if (event.budget() != null) {
            budget = event.budget();
        }
        event.electorate().forEach(m -> electorate.put(m.memberId(), m));
    }

    @EventSourcingHandler
    void on(BallotCast event) {
        OptionBallot optionBallot = event.optionBallot();
        if (optionBallot != null) {
            optionBallots.cast(event.memberId(), optionBallot);
            return;
        }
        RankedBallot rankedBallot = event.rankedBallot();
        if (rankedBallot != null) {
            rankedBallots.cast(event.memberId(), rankedBallot);
            return;
        }
        ConsentBallot consentBallot = event.consentBallot();
        if (consentBallot != null) {
            consentBallots.cast(event.memberId(), consentBallot);
            return;
        }
        ballots.cast(event.memberId(), event.choice());
    }

    @EventSourcingHandler
    void on(BallotRetracted event) {
        ballots.retract(event.memberId());
        optionBallots.retract(event.memberId());
        consentBallots.retract(event.memberId());
        rankedBallots.retract(event.memberId());
    }

    @EventSourcingHandler
    void on(coop.plenum.governance.proposal.SecretBallotCast event) {
        sealedBallots.put(event.memberId(), event.sealed());
    }

    @EventSourcingHandler
    void on(coop.plenum.governance.proposal.SecretBallotRetracted event) {
        sealedBallots.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(VotingClosed event) {
        state = ProposalState.CLOSED;
        outcome = event.outcome();
        // opened and published: sealed ballots are of no more use to the aggregate (nor, without the key, to anyone)
        sealedBallots.clear();
    }

    @EventSourcingHandler
    void on(coop.plenum.governance.proposal.ProposalExecuted event) {
        state = ProposalState.EXECUTED;
    }
}
