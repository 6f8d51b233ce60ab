package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.CommentAdded;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalRevised;
import coop.plenum.governance.proposal.ProposalState;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.ProposalWithdrawn;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.DelegationsFrozen;
import coop.plenum.governance.delegation.query.DelegationHistory;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.options.OptionBallot;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.election.ElectionResult;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.tally.Tally;
import coop.plenum.governance.tally.YesNo;
import coop.plenum.governance.voting.BallotBox;
import coop.plenum.governance.voting.Electorate;
import coop.plenum.governance.voting.VoteCount;
import coop.plenum.governance.voting.Voter;
import coop.plenum.governance.axon.ReadModelLayout;
import coop.plenum.governance.axon.ReadModelWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Proposals and their tallies. Each event is applied at most once: the document remembers the sequence numbers
 * it has applied, and every update is conditional on its number not being there yet. The tally is not stored: it
 * is computed by the exact tally engine from the frozen electorate and the ballots as of the requested instant.
 */
@Component
@ProcessingGroup("readmodel-proposals")
// 2: ballots in pages keyed by proposal (ProposalBallots) instead of one document per ballot found by a scan
// 3: pages of 16 ballots instead of 128 (each ballot rewrites its page; docs/performance.md, "Ballot pages")
// 4: members' ballots (MemberBallotsProjection) joined this group: rebuilt with it, from the start of the log
// 5: a secret vote's ballots and retractions in the ballot pages as participation (sealed, no choice), for as-of tallies
@ReadModelLayout(5)
class ProposalProjection {

    private final ReactiveMongoTemplate mongo;
    private final DelegationHistory delegationHistory;
    private final LiveTallies liveTallies;
    private final Clock clock;
    private final ProposalChanges changes;
    private final ProposalBallots ballots;
    private final ReadModelWrites writes;

    ProposalProjection(ReactiveMongoTemplate mongo, Clock clock, ProposalChanges changes, DelegationHistory delegationHistory,
                       LiveTallies liveTallies, ProposalBallots ballots, ReadModelWrites writes) {
        this.ballots = ballots;
        this.writes = writes;
        // the ballot handlers, open and secret, only queue writes and read nothing: their writes go in bulk at the end
        // of a batch (a secret ballot once also rewrote the proposal's document: docs/performance.md, "Secret-vote participation")
        writes.batch(this, "readmodel-proposals", BallotCast.class, BallotRetracted.class,
                coop.plenum.governance.proposal.SecretBallotCast.class, coop.plenum.governance.proposal.SecretBallotRetracted.class);
        this.delegationHistory = delegationHistory;
        this.liveTallies = liveTallies;
        this.mongo = mongo;
        this.clock = clock;
        this.changes = changes;
    }

    @ResetHandler
    void dropBeforeReplay() {
        liveTallies.clear();
        mongo.dropCollection("proposals").block();
        mongo.dropCollection(RevealedBallotPageDocument.class).block();
        ballots.drop();
    }

    @EventHandler
    void on(ProposalSubmitted e, @SequenceNumber long sequence) {
        Update insertOnly = new Update()
                .setOnInsert("cooperativeId", e.cooperativeId().value())
                .setOnInsert("authorMemberId", e.authorMemberId().value())
                .setOnInsert("authorAccountId", e.authorAccountId().value())
                .setOnInsert("title", e.title()).setOnInsert("body", e.body()).setOnInsert("topic", e.topic())
                .setOnInsert("kind", e.kind())
                .setOnInsert("effectMemberId", e.effect() == null || e.effect().memberId() == null ? null : e.effect().memberId().value())
                .setOnInsert("amendsCharter", e.effect() != null && e.effect().charter() != null)
                .setOnInsert("state", ProposalState.DELIBERATION)
                .setOnInsert("votingOpensAt", e.votingOpensAt()).setOnInsert("votingClosesAt", e.votingClosesAt())
                .setOnInsert("submittedAt", e.submittedAt())
                .setOnInsert("method", e.votingMethod()).setOnInsert("options", e.optionsOrNone())
                .setOnInsert("visibility", e.resultsVisibility())
                .setOnInsert("seats", e.seats()).setOnInsert("candidacies", List.of())
                .setOnInsert("budget", e.budget())
                // SECRET from submission (the page says so during deliberation); pinned again when voting opens
                .setOnInsert("secrecy", e.secrecy())
                .setOnInsert("revision", 1)
                .setOnInsert("revisions", List.of(new ProposalDocument.Revision(1, e.title(), e.body(), e.submittedAt())))
                .setOnInsert("comments", List.of()).setOnInsert("electorate", List.of())
                .setOnInsert("applied", List.of(sequence));
        mongo.upsert(Query.query(where("_id").is(e.proposalId().value())), insertOnly, ProposalDocument.class).block();
    }

    @EventHandler
    void on(ProposalRevised e, @SequenceNumber long sequence) {
        once(e.proposalId(), sequence, new Update().set("title", e.title()).set("body", e.body()).set("revision", e.revision())
                .push("revisions", new ProposalDocument.Revision(e.revision(), e.title(), e.body(), e.revisedAt())));
    }

    @EventHandler
    void on(CommentAdded e, @SequenceNumber long sequence) {
        once(e.proposalId(), sequence, new Update().push("comments",
                new ProposalDocument.Comment(e.commentId(), e.memberId().value(), e.text(), e.commentedAt(), e.replyTo())));
    }

    @EventHandler
    void on(ProposalWithdrawn e, @SequenceNumber long sequence) {
        once(e.proposalId(), sequence, new Update().set("state", ProposalState.WITHDRAWN));
    }

    @EventHandler
    void on(VotingOpened e, @SequenceNumber long sequence) {
        once(e.proposalId(), sequence, new Update().set("state", ProposalState.VOTING).set("openedAt", e.openedAt())
                .set("classes", e.classes()).set("decision", e.decision()).set("delegation", e.delegation())
                .set("method", e.votingMethod()).set("options", e.optionsOrNone()).set("visibility", e.resultsVisibility())
                .set("candidates", e.candidatesOrNone().stream()
                        .map(c -> new ProposalDocument.Candidate(c.memberId().value(), c.classId())).toList())
                .set("budget", e.budget())
                .set("secrecy", e.ballotSecrecy())
                .set("electorate", e.electorate().stream().map(m -> new ProposalDocument.Elector(m.memberId().value(),
                        m.accountId().value(), m.classId(), m.power())).toList()));
    }

    @EventHandler
    void on(coop.plenum.governance.proposal.CandidateNominated e, @SequenceNumber long sequence) {
        candidacies(e.proposalId(), sequence, list -> list.add(new ProposalDocument.Candidacy(e.candidateMemberId().value(),
                e.classId(), e.nominatedBy().value(), false)));
    }

    @EventHandler
    void on(coop.plenum.governance.proposal.CandidacyAccepted e, @SequenceNumber long sequence) {
        candidacies(e.proposalId(), sequence, list -> list.replaceAll(c -> c.memberId().equals(e.candidateMemberId().value())
                ? new ProposalDocument.Candidacy(c.memberId(), e.classId(), c.nominatedBy(), true) : c));
    }

    @EventHandler
    void on(coop.plenum.governance.proposal.CandidacyWithdrawn e, @SequenceNumber long sequence) {
        candidacies(e.proposalId(), sequence, list -> list.removeIf(c -> c.memberId().equals(e.candidateMemberId().value())));
    }

    /**
     * The candidacies list rewritten whole: nominations are few and an aggregate's events arrive in order, and the
     * write is still conditional on the event not being applied yet (a redelivery changes nothing).
     */
    private void candidacies(ProposalId proposalId, long sequence, java.util.function.Consumer<List<ProposalDocument.Candidacy>> change) {
        ProposalDocument d = mongo.findById(proposalId.value(), ProposalDocument.class).block();
        if (d == null || d.applied().contains(sequence)) {
            return;
        }
        List<ProposalDocument.Candidacy> list = new java.util.ArrayList<>(d.candidaciesOrNone());
        change.accept(list);
        once(proposalId, sequence, new Update().set("candidacies", list));
    }

    @EventHandler
    void on(BallotCast e, @SequenceNumber long sequence) {
        OptionBallot optionBallot = e.optionBallot();
        ballot(e.proposalId(), sequence, e.memberId(), e.choice(), optionBallot == null ? null : optionBallot.scores(),
                e.reason(), e.consent(), e.ranking(), e.castAt());
    }

    @EventHandler
    void on(BallotRetracted e, @SequenceNumber long sequence) {
        ballot(e.proposalId(), sequence, e.memberId(), null, null, null, null, null, e.retractedAt());
    }

    private void ballot(ProposalId proposalId, long sequence, MemberId memberId, Choice choice, Map<String, Integer> scores,
                        String reason, coop.plenum.governance.options.ConsentChoice consent, List<List<String>> ranking,
                        Instant at) {
        ballots.record(proposalId, sequence, memberId, choice, scores, reason, consent, ranking, at);
        // live pages re-read the tally when told: only once the ballot is written
        writes.afterWritten(() -> changes.changed(proposalId));
    }

    /**
     * SPEC "secrecy: SECRET": who took part is public; what they chose is not here, nor anywhere in the read models.
     * A sealed ballot is an entry of the ballot pages saying only that the member took part then, and who takes part
     * is read from them ({@link SecretParticipation}); the proposal's document is left alone (a list of every
     * participant in it was rewritten whole with each ballot).
     */
    @EventHandler
    void on(coop.plenum.governance.proposal.SecretBallotCast e, @SequenceNumber long sequence) {
        ballots.recordSealed(e.proposalId(), sequence, e.memberId(), e.castAt());
        writes.afterWritten(() -> changes.changed(e.proposalId()));
    }

    @EventHandler
    void on(coop.plenum.governance.proposal.SecretBallotRetracted e, @SequenceNumber long sequence) {
        ballot(e.proposalId(), sequence, e.memberId(), null, null, null, null, null, e.retractedAt());
    }

    @EventHandler
    void on(coop.plenum.governance.proposal.SecretBallotsRevealed e) {
        // the whole page by key: a redelivered event writes the same document again
        mongo.save(new RevealedBallotPageDocument(RevealedBallotPageDocument.key(e.proposalId().value(), e.page()),
                e.proposalId().value(), e.page(), e.pages(), e.ballots())).block();
    }

    @EventHandler
    void on(DelegationsFrozen e, @SequenceNumber long sequence) {
        once(e.proposalId(), sequence, new Update().set("frozenDelegations", e.delegations().stream()
                .map(d -> new ProposalDocument.FrozenDelegation(d.memberId().value(), d.delegateId().value())).toList()));
    }

    @EventHandler
    void on(VotingClosed e, @SequenceNumber long sequence) {
        liveTallies.closed(e.proposalId().value());
        once(e.proposalId(), sequence, new Update().set("state", ProposalState.CLOSED).set("closedAt", e.closedAt())
                .set("outcome", e.outcome()).set("approval", e.approval()).set("winners", e.winners())
                // the participants' list a secret vote's document held before participation was read from the
                // ballot pages: no longer read or kept up to date, so dropped when such a vote closes
                .unset("secretParticipants"));
    }

    /** The latest statement is shown; every version stays in the log. */
    @EventHandler
    void on(coop.plenum.governance.proposal.OutcomeStatementRecorded e, @SequenceNumber long sequence) {
        once(e.proposalId(), sequence, new Update().set("outcomeStatement", new ProposalDocument.OutcomeStatement(e.statement(),
                e.recordedBy().value(), e.recordedAt())));
    }

    @EventHandler
    void on(coop.plenum.governance.proposal.ProposalExecuted e, @SequenceNumber long sequence) {
        once(e.proposalId(), sequence, new Update().set("state", ProposalState.EXECUTED).set("executedAt", e.executedAt()));
    }

    private void once(ProposalId proposalId, long sequence, Update update) {
        mongo.updateFirst(Query.query(where("_id").is(proposalId.value()).and("applied").ne(sequence)),
                update.push("applied", sequence), ProposalDocument.class).block();
        changes.changed(proposalId);
    }

    // ---- queries ---------------------------------------------------------------------------------------------

    @QueryHandler
    CompletableFuture<List<ProposalSummary>> handle(FindProposals query) {
        var criteria = where("cooperativeId").is(query.cooperativeId().value());
        if (query.state() != null) {
            criteria = criteria.and("state").is(query.state());
        }
        Query q = Query.query(criteria);
        q.fields().exclude("electorate").exclude("revisions").exclude("comments").exclude("applied");
        return mongo.find(q, ProposalDocument.class).map(ProposalProjection::summary)
                .sort(Comparator.comparing(ProposalSummary::submittedAt).reversed()
                        .thenComparing(s -> s.proposalId().value()))
                .collectList().toFuture();
    }

    /**
     * A page of the list: the search is a literal, case-insensitive substring of the title or the text (quoted, so
     * a search is never a pattern); one more than the page is read to know whether an older page follows.
     */
    @QueryHandler
    CompletableFuture<ProposalPage> handle(FindProposalPage query) {
        var criteria = where("cooperativeId").is(query.cooperativeId().value());
        if (query.state() != null) {
            criteria = criteria.and("state").is(query.state());
        }
        if (query.search() != null && !query.search().isBlank()) {
            java.util.regex.Pattern literal = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(query.search().strip()),
                    java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
            criteria = criteria.orOperator(where("title").regex(literal), where("body").regex(literal));
        }
        Query q = Query.query(criteria)
                .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("submittedAt"),
                        org.springframework.data.domain.Sort.Order.asc("_id")))
                .skip((long) query.page() * query.size()).limit(query.size() + 1);
        q.fields().exclude("electorate").exclude("revisions").exclude("comments").exclude("applied").exclude("frozenDelegations");
        return mongo.find(q, ProposalDocument.class)
                .map(d -> new ProposalPage.Listed(summary(d), d.authorMemberId() == null ? null : new MemberId(d.authorMemberId())))
                .collectList()
                .map(found -> new ProposalPage(found.stream().limit(query.size()).toList(), query.page(), found.size() > query.size()))
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<ProposalSummary> handle(FindProposalSummary query) {
        Query q = Query.query(where("_id").is(query.proposalId().value()));
        q.fields().exclude("electorate").exclude("revisions").exclude("comments").exclude("applied");
        return mongo.findOne(q, ProposalDocument.class).map(ProposalProjection::summary).toFuture();
    }

    private reactor.core.publisher.Mono<List<BallotDocument>> ballotsOf(String proposalId) {
        return ballots.of(proposalId);
    }

    @QueryHandler
    CompletableFuture<ProposalView> handle(FindProposal query) {
        return mongo.findById(query.proposalId().value(), ProposalDocument.class)
                .zipWith(ballotsOf(query.proposalId().value())).map(found -> {
            ProposalDocument d = found.getT1();
            List<BallotDocument> allBallots = found.getT2();
            Map<String, Long> byClass = new TreeMap<>();
            if (d.classes() != null) {
                d.classes().forEach(c -> byClass.put(c.id(), 0L));
            }
            d.electorate().forEach(m -> byClass.merge(m.classId(), 1L, Long::sum));
            Map<MemberId, Choice> ballots = ballots(allBallots, Instant.MAX);
            return new ProposalView(summary(d), new MemberId(d.authorMemberId()), d.body(), d.revision(),
                    d.revisions().stream().map(r -> new ProposalView.RevisionView(r.revision(), r.title(), r.body(), r.at())).toList(),
                    d.comments().stream().map(c -> new ProposalView.CommentView(c.commentId(), new MemberId(c.memberId()), c.text(), c.at(), c.replyTo())).toList(),
                    d.openedAt(), d.closedAt(), d.openedAt() == null ? Map.of() : byClass, ballots,
                    d.effectMemberId() == null ? null : new MemberId(d.effectMemberId()),
                    d.electorate().stream().map(m -> new MemberId(m.memberId()))
                            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)),
                    optionBallots(allBallots), reasons(allBallots), consentBallots(allBallots),
                    d.outcomeStatement() == null ? null : new ProposalView.OutcomeStatementView(d.outcomeStatement().statement(),
                            new MemberId(d.outcomeStatement().recordedBy()), d.outcomeStatement().recordedAt()),
                    rankedBallots(allBallots), d.openedAt() == null ? null : d.decision(), d.seatsOrNone(),
                    d.candidaciesOrNone().stream().map(c -> new ProposalView.CandidacyView(new MemberId(c.memberId()), c.classId(),
                            new MemberId(c.nominatedBy()), c.accepted())).toList(),
                    d.candidatesOrNone().stream().map(c -> new coop.plenum.governance.proposal.ElectionCandidate(
                            new MemberId(c.memberId()), c.classId())).toList(),
                    d.secret() ? SecretParticipation.of(allBallots).members() : java.util.Set.of());
        }).toFuture();
    }

    /**
     * An open vote's tally is read on every change by every live page and stream: it reads the proposal without its
     * electorate (and the other lists that grow with it), which the live count needs only when it is first built.
     */
    @QueryHandler
    CompletableFuture<TallyView> handle(FindTally query) {
        String id = query.proposalId().value();
        Query slim = Query.query(where("_id").is(id));
        slim.fields().exclude("electorate").exclude("frozenDelegations").exclude("revisions").exclude("comments").exclude("applied");
        return mongo.findOne(slim, ProposalDocument.class)
                .flatMap(d -> d.secret() ? secretTallyFrom(d, query.asOf()) : openTally(d, query))
                .toFuture();
    }

    private reactor.core.publisher.Mono<TallyView> openTally(ProposalDocument slim, FindTally query) {
        String id = slim.id();
        return reactor.core.publisher.Mono.just(slim)
                // an ELECTION is recounted only when a ballot came in since the last read (Meek is no incremental count)
                .flatMap(d -> (d.state() == ProposalState.VOTING && query.asOf() == null
                        ? (d.votingMethod() == coop.plenum.governance.options.VoteMethod.ELECTION ? liveElection(d) : provisional(d))
                        : mongo.findById(id, ProposalDocument.class).flatMap(whole -> everythingAsOf(whole, query.asOf())))
                        // hidden while the vote is open now (this read of it), whatever instant was asked about: asOf included
                        .map(view -> view.hiddenIf(d.resultsHidden())));
    }

    /**
     * A secret vote's tally from its small document: while it is open and read now, who takes part per class, kept
     * by {@link LiveTallies#secretParticipation} (the frozen electorate read whole once, the ballot pages after the
     * last ballot it counted); as of an instant, before opening and after close, from the whole document and the
     * ballot pages.
     */
    private reactor.core.publisher.Mono<TallyView> secretTallyFrom(ProposalDocument slim, Instant requested) {
        Instant asOf = asOf(slim, requested);
        boolean openNow = requested == null && slim.openedAt() != null && slim.closedAt() == null;
        reactor.core.publisher.Mono<ProposalDocument> whole = mongo.findById(slim.id(), ProposalDocument.class);
        if (!openNow) {
            return whole.flatMap(d -> secretTally(d, requested));
        }
        return liveTallies.secretParticipation(slim.id(), whole.map(ProposalProjection::electorate))
                .map(participation -> secretParticipation(slim, participation, asOf));
    }

    /** A secret vote while it was open: participation per class, always hidden (see {@link SecretParticipation#tally}). */
    private static TallyView secretParticipation(ProposalDocument d, Tally participation, Instant asOf) {
        return new TallyView(new ProposalId(d.id()), new CooperativeId(d.cooperativeId()),
                ProposalState.VOTING, null, asOf, participation).hiddenIf(true);
    }

    /**
     * A secret vote's tally. At an instant before it closed, participation per class as it stood then, always hidden
     * (also once the vote has closed: the choices of a moment while it was open were never known, and the ballots
     * revealed at close are the last ones only): the members whose sealed ballot stood then count as taking part
     * and nothing else. From the closing instant on, the count of the revealed ballots ({@link
     * coop.plenum.governance.proposal.secret.SecretCount}), the same the aggregate recorded. The revealed ballots are
     * recorded in the closing command itself, so no instant has them public without the close.
     */
    private reactor.core.publisher.Mono<TallyView> secretTally(ProposalDocument d, Instant requested) {
        Instant asOf = asOf(d, requested);
        if (d.openedAt() == null || asOf.isBefore(d.openedAt())) {
            return reactor.core.publisher.Mono.just(tally(d, List.of(), asOf, Map.of()));
        }
        boolean closed = d.closedAt() != null && !asOf.isBefore(d.closedAt());
        if (!closed) {
            // SPEC "Time, and as of": the members whose sealed ballot stood at the instant
            return ballotsOf(d.id()).map(all -> secretParticipation(d,
                    SecretParticipation.asOf(all, asOf).tally(electorate(d)), asOf));
        }
        return revealed(d.id()).zipWith(ballotsOf(d.id())).map(found -> {
            List<coop.plenum.governance.proposal.RevealedBallot> revealed = found.getT1();
            ProposalId id = new ProposalId(d.id());
            var counted = coop.plenum.governance.proposal.secret.SecretCount.of(id, d.classes(), d.decision(),
                    d.electorate().stream().map(m -> new coop.plenum.governance.proposal.ElectorateMember(new MemberId(m.memberId()),
                            new coop.plenum.governance.account.AccountId(m.accountId()), m.classId(), m.power())).toList(),
                    SecretParticipation.of(found.getT2()).members(), revealed);
            List<BallotDocument> anonymous = new java.util.ArrayList<>();
            for (int i = 0; i < revealed.size(); i++) {
                var body = revealed.get(i).asBallotOf(id, new MemberId("revealed ballot #" + (i + 1)));
                anonymous.add(new BallotDocument(BallotDocument.key(d.id(), i), d.id(), i, body.memberId().value(), body.choice(),
                        d.closedAt(), body.optionBallot() == null ? null : body.optionBallot().scores(), body.reason(),
                        body.consent(), body.ranking(), false));
            }
            boolean executed = d.executedAt() != null && !asOf.isBefore(d.executedAt());
            MethodCount.Counted result = MethodCount.open(d, counted.electorate(), Map.of(), 0, anonymous, asOf).result();
            return new TallyView(id, new CooperativeId(d.cooperativeId()), executed ? ProposalState.EXECUTED : ProposalState.CLOSED,
                    result.outcome(), asOf, result.tally(), result.optionTally(), result.consentTally(), result.schulzeTally())
                    .withBudgetTally(result.budgetTally());
        });
    }

    /** The revealed ballots of a closed secret vote, pages in order: the published (tag) order. */
    private reactor.core.publisher.Mono<List<coop.plenum.governance.proposal.RevealedBallot>> revealed(String proposalId) {
        return mongo.find(Query.query(where("proposalId").is(proposalId)), RevealedBallotPageDocument.class)
                .sort(Comparator.comparingInt(RevealedBallotPageDocument::page))
                .flatMapIterable(RevealedBallotPageDocument::ballots)
                .collectList();
    }

    @QueryHandler
    CompletableFuture<RevealedBallotsView> handle(FindRevealedBallots query) {
        String id = query.proposalId().value();
        Query slim = Query.query(where("_id").is(id));
        // secretParticipants: the list a secret vote's document held before participation was read from the ballot
        // pages (dropped when such a vote closes; see the VotingClosed handler)
        slim.fields().exclude("electorate").exclude("revisions").exclude("comments").exclude("applied").exclude("secretParticipants");
        return mongo.findOne(slim, ProposalDocument.class).flatMap(d -> {
            boolean closed = d.state() == ProposalState.CLOSED || d.state() == ProposalState.EXECUTED;
            if (!d.secret() || !closed) {
                return reactor.core.publisher.Mono.just(new RevealedBallotsView(query.proposalId(), d.state(), d.secret(), List.of()));
            }
            return revealed(id).map(list -> new RevealedBallotsView(query.proposalId(), d.state(), true, list));
        }).toFuture();
    }

    /** An open vote's tally now, kept up to date incrementally (see {@link LiveTallies}). */
    private reactor.core.publisher.Mono<TallyView> provisional(ProposalDocument d) {
        boolean delegating = d.delegation() != null && Boolean.TRUE.equals(d.delegation().enabled());
        int max = d.delegation() == null || d.delegation().maxChainLength() == null ? 0 : d.delegation().maxChainLength();
        Instant now = clock.instant();
        reactor.core.publisher.Mono<Electorate> electorate = mongo.findById(d.id(), ProposalDocument.class)
                .map(ProposalProjection::electorate);
        return liveTallies.provisional(d, electorate, max, delegating)
                .map(counted -> new TallyView(new ProposalId(d.id()), new CooperativeId(d.cooperativeId()), ProposalState.VOTING,
                        null, now, counted.tally(), counted.optionTally(), counted.consentTally(),
                        counted.schulzeTally()).withBudgetTally(counted.budgetTally()));
    }

    /** An open ELECTION's count now, made again only after a new ballot (see {@link LiveTallies#election}). */
    private reactor.core.publisher.Mono<TallyView> liveElection(ProposalDocument slim) {
        Instant now = clock.instant();
        return liveTallies.election(slim.id(), all -> mongo.findById(slim.id(), ProposalDocument.class)
                        .map(whole -> election(whole, all, Instant.MAX)))
                .map(result -> new TallyView(new ProposalId(slim.id()), new CooperativeId(slim.cooperativeId()),
                        ProposalState.VOTING, null, now, null, null, null, null, null, result, null));
    }

    private reactor.core.publisher.Mono<TallyView> everythingAsOf(ProposalDocument d, Instant requested) {
        return reactor.core.publisher.Mono.just(d)
                .zipWith(ballotsOf(d.id()))
                .flatMap(found -> {
                    Instant asOf = asOf(found.getT1(), requested);
                    return delegationsFor(found.getT1(), asOf).map(delegations -> tally(found.getT1(), found.getT2(), asOf, delegations));
                });
    }

    @QueryHandler
    CompletableFuture<ProvenanceView> handle(FindVoteProvenance query) {
        return mongo.findById(query.proposalId().value(), ProposalDocument.class)
                .filter(d -> d.openedAt() != null)
                .zipWith(ballotsOf(query.proposalId().value()))
                .flatMap(found -> {
                    ProposalDocument d = found.getT1();
                    Instant asOf = asOf(d, query.asOf());
                    if (asOf.isBefore(d.openedAt()) || d.votingMethod() == coop.plenum.governance.options.VoteMethod.ELECTION
                            || d.secret()) {
                        // a secret ballot counts for its caster alone, and whose it is must not be told
                        // an ELECTION ballot counts for its caster alone: no delegation chain to explain
                        return reactor.core.publisher.Mono.<ProvenanceView>empty();
                    }
                    return delegationsFor(d, asOf).map(delegations -> {
                        var count = count(d, delegations, found.getT2(), asOf);
                        boolean closed = d.closedAt() != null && !asOf.isBefore(d.closedAt());
                        return new ProvenanceView(new ProposalId(d.id()), asOf, closed, count.provenance(query.memberId()),
                                d.resultsHidden());
                    });
                }).toFuture();
    }

    private Instant asOf(ProposalDocument d, Instant requested) {
        return requested != null ? requested
                : d.executedAt() != null ? d.executedAt() : d.closedAt() != null ? d.closedAt() : clock.instant();
    }

    /**
     * SPEC "Liquid delegation": the final tally follows the delegations frozen at closing; before that (a provisional
     * or past tally) the cooperative's delegations as of the instant, for the proposal's topic.
     */
    private reactor.core.publisher.Mono<Map<MemberId, MemberId>> delegationsFor(ProposalDocument d, Instant asOf) {
        if (d.delegation() == null || !Boolean.TRUE.equals(d.delegation().enabled()) || d.openedAt() == null
                || asOf.isBefore(d.openedAt())) {
            return reactor.core.publisher.Mono.just(Map.of());
        }
        if (d.closedAt() != null && !asOf.isBefore(d.closedAt())) {
            Map<MemberId, MemberId> frozen = new java.util.HashMap<>();
            if (d.frozenDelegations() != null) {
                d.frozenDelegations().forEach(f -> frozen.put(new MemberId(f.memberId()), new MemberId(f.delegateId())));
            }
            return reactor.core.publisher.Mono.just(frozen);
        }
        return delegationHistory.asOf(new CooperativeId(d.cooperativeId()), asOf).map(all -> all.forTopic(d.topic()));
    }

    /** The same count the proposal runs at closing and the live tally keeps, over the given delegations and ballots. */
    private static MethodCount<?> count(ProposalDocument d, Map<MemberId, MemberId> delegations,
                                        List<BallotDocument> allBallots, Instant asOf) {
        return MethodCount.open(d, electorate(d), delegations, d.delegation() == null || d.delegation().maxChainLength() == null ? 0
                : d.delegation().maxChainLength(), allBallots, asOf);
    }

    static Electorate electorate(ProposalDocument d) {
        return new Electorate(d.classes(), d.decision(), d.electorate().stream()
                .map(m -> new Voter(new MemberId(m.memberId()), m.classId(), m.power())).toList());
    }

    /** Each member's current option ballot (APPROVAL or SCORE), in the order first cast. */
    private static Map<MemberId, OptionBallot> optionBallots(List<BallotDocument> allBallots) {
        return BallotBox.asOf(allBallots.stream().filter(b -> b.retracted() || b.scores() != null)
                .map(b -> new BallotBox.LogEntry<>(b.sequence(), b.at(), new MemberId(b.memberId()), b.optionBallot())).toList(),
                Instant.MAX).ballots();
    }

    /** Each member's current CONSENT ballot. */
    private static Map<MemberId, coop.plenum.governance.options.ConsentChoice> consentBallots(List<BallotDocument> allBallots) {
        return BallotBox.asOf(allBallots.stream().filter(b -> b.retracted() || b.consent() != null)
                .map(b -> new BallotBox.LogEntry<>(b.sequence(), b.at(), new MemberId(b.memberId()), b.consent())).toList(),
                Instant.MAX).ballots();
    }

    /** Each member's current RANKED ballot. */
    private static Map<MemberId, coop.plenum.governance.options.RankedBallot> rankedBallots(List<BallotDocument> allBallots) {
        return BallotBox.asOf(allBallots.stream().filter(b -> b.retracted() || b.ranking() != null)
                .map(b -> new BallotBox.LogEntry<>(b.sequence(), b.at(), new MemberId(b.memberId()), b.rankedBallot())).toList(),
                Instant.MAX).ballots();
    }

    /** The reason each member gave with their current ballot, if they gave one. */
    private static Map<MemberId, String> reasons(List<BallotDocument> allBallots) {
        Map<MemberId, String> reasons = new java.util.LinkedHashMap<>();
        allBallots.stream().sorted(Comparator.comparingLong(BallotDocument::sequence)).forEach(b -> {
            if (b.reason() == null) {
                reasons.remove(new MemberId(b.memberId()));
            } else {
                reasons.put(new MemberId(b.memberId()), b.reason());
            }
        });
        return reasons;
    }

    /** SPEC "Time, and as of": each member's last ballot at or before the instant (a retraction removes it), in event order. */
    private static Map<MemberId, Choice> ballots(List<BallotDocument> allBallots, Instant asOf) {
        return BallotBox.asOf(allBallots.stream().filter(b -> b.retracted() || b.choice() != null)
                .map(b -> new BallotBox.LogEntry<>(b.sequence(), b.at(), new MemberId(b.memberId()), b.choice())).toList(), asOf).ballots();
    }

    /** SPEC "Time, and as of": the electorate, the ballots, the delegations and the outcome as they stood at the instant. */
    private TallyView tally(ProposalDocument d, List<BallotDocument> allBallots, Instant asOf, Map<MemberId, MemberId> delegations) {
        ProposalId id = new ProposalId(d.id());
        CooperativeId coop = new CooperativeId(d.cooperativeId());
        if (d.openedAt() == null || asOf.isBefore(d.openedAt())) {
            ProposalState before = d.state() == ProposalState.WITHDRAWN ? ProposalState.WITHDRAWN : ProposalState.DELIBERATION;
            return new TallyView(id, coop, before, null, asOf, null);
        }
        boolean closed = d.closedAt() != null && !asOf.isBefore(d.closedAt());
        boolean executed = d.executedAt() != null && !asOf.isBefore(d.executedAt());
        ProposalState state = executed ? ProposalState.EXECUTED : closed ? ProposalState.CLOSED : ProposalState.VOTING;
        if (d.votingMethod() == VoteMethod.ELECTION) {
            ElectionResult result = election(d, allBallots, asOf);
            return new TallyView(id, coop, state, closed ? result.outcome() : null, asOf, null, null, null, null, null, result, null);
        }
        MethodCount.Counted counted = count(d, delegations, allBallots, asOf).result();
        return new TallyView(id, coop, state, closed ? counted.outcome() : null, asOf, counted.tally(), counted.optionTally(),
                counted.consentTally(), counted.schulzeTally()).withBudgetTally(counted.budgetTally());
    }

    /** The same count the proposal runs at closing ({@code ElectionTally}), over the ballots as of the instant. */
    private static coop.plenum.governance.election.ElectionResult election(ProposalDocument d, List<BallotDocument> allBallots,
                                                                          Instant asOf) {
        Map<String, List<String>> candidates = new java.util.LinkedHashMap<>();
        d.candidatesOrNone().forEach(c -> candidates.computeIfAbsent(c.classId(), k -> new java.util.ArrayList<>()).add(c.memberId()));
        Map<MemberId, List<String>> rankings = new java.util.LinkedHashMap<>();
        BallotBox.asOf(allBallots.stream().filter(b -> b.retracted() || b.ranking() != null)
                .map(b -> new BallotBox.LogEntry<>(b.sequence(), b.at(), new MemberId(b.memberId()), b.ranking())).toList(), asOf)
                .ballots().forEach((m, r) -> rankings.put(m, r.stream().flatMap(List::stream).toList()));
        return coop.plenum.governance.election.ElectionTally.count(d.classes(), d.seatsOrNone(), candidates,
                electorate(d).voters(), rankings);
    }

    static ProposalSummary summary(ProposalDocument d) {
        return new ProposalSummary(new ProposalId(d.id()), new CooperativeId(d.cooperativeId()), d.title(), d.topic(), d.kind(),
                d.state(), d.outcome(), d.votingOpensAt(), d.votingClosesAt(), d.submittedAt(), d.votingMethod(),
                d.optionsOrNone(), d.winners() == null ? List.of() : d.winners(), d.resultsVisibility(), d.budget(),
                d.secret() ? coop.plenum.governance.proposal.Secrecy.SECRET : null);
    }
}
