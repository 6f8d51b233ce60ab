package coop.plenum.governance.notification.query;

import coop.plenum.governance.account.AccountCreated;
import coop.plenum.governance.account.AccountEmailChanged;
import coop.plenum.governance.account.AccountProfileChanged;
import coop.plenum.governance.cooperative.CooperativeFounded;
import coop.plenum.governance.delegation.DelegationRevoked;
import coop.plenum.ledger.ContributionLogged;
import coop.plenum.ledger.ContributorRegistered;
import coop.plenum.ledger.ContributorStanding;
import coop.plenum.ledger.ContributorStandingChanged;
import coop.plenum.ledger.LedgerOpened;
import coop.plenum.ledger.RevenueAllocated;
import coop.plenum.governance.delegation.VoteDelegated;
import coop.plenum.governance.membership.MemberAdmitted;
import coop.plenum.governance.membership.MemberAdmittedByDecision;
import coop.plenum.governance.membership.MemberSuspended;
import coop.plenum.governance.membership.MembershipApplied;
import coop.plenum.governance.membership.RoleGranted;
import coop.plenum.governance.notification.NonVotersReminded;
import coop.plenum.governance.notification.NotificationAddressSet;
import coop.plenum.governance.notification.NotificationKind;
import coop.plenum.governance.notification.NotificationPreferenceSet;
import coop.plenum.governance.notification.NotificationsRead;
import coop.plenum.governance.notification.NotifiedElector;
import coop.plenum.governance.notification.QuorumShortfall;
import coop.plenum.governance.notification.VotingClosingSoonAnnounced;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.CommentAdded;
import coop.plenum.governance.proposal.ProposalRevised;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.Visibility;
import coop.plenum.governance.proposal.VotingClosed;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.axon.ReadModelLayout;
import coop.plenum.governance.axon.ReadModelWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import coop.plenum.governance.storage.SettledDocuments;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Turns events into notifications per recipient (see {@link Notifier} for exactly-once). It folds what it needs
 * from several aggregates (a proposal's electorate and ballots, a cooperative's delegations, members' accounts, an
 * account's preferences) and decides at each event with what the log said up to it, so it runs as one segment in log
 * order (ProcessingConfiguration.ACROSS_AGGREGATES). Its token lives with its documents in MongoDB.
 */
@Component
@ProcessingGroup(NotificationProjection.GROUP)
// 2: electors one document each, and who delegates to whom kept both ways; 3: account address and time zone;
// 4: a vote knows it is SECRET, so reminders do not count a delegator as carried by a delegate (no delegation there);
// 5: the account's language, which its mail is written in
@ReadModelLayout(5)
class NotificationProjection {

    static final String GROUP = "readmodel-notifications";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ReactiveMongoTemplate mongo;
    private final Notifier notifier;
    private final ClosingSoonSchedule closingSoon;
    private final Votes votes;
    private final ReadModelWrites writes;
    private final SettledDocuments<String, VoteDocument> openVotes = new SettledDocuments<>(256);

    NotificationProjection(ReactiveMongoTemplate mongo, Notifier notifier, ClosingSoonSchedule closingSoon, Votes votes,
                           ReadModelWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        // a ballot's "voted" flag goes to MongoDB in one bulk per batch; the ballots after it in the batch read it from
        // the batch (BallotBatch), and every other event flushes the queue before it is handled
        writes.batch(this, GROUP, BallotCast.class, BallotRetracted.class, coop.plenum.governance.proposal.SecretBallotCast.class,
                coop.plenum.governance.proposal.SecretBallotRetracted.class);
        this.votes = votes;
        this.notifier = notifier;
        this.closingSoon = closingSoon;
    }

    @ResetHandler
    void dropBeforeReplay() {
        openVotes.clear();
        for (Class<?> type : List.of(NotificationDocument.class, InboxSettingsDocument.class, VoteDocument.class,
                ElectorDocument.class, PersonDocument.class, AccountNameDocument.class, DelegateDocument.class,
                DelegatorsDocument.class, ContributorsDocument.class)) {
            mongo.dropCollection(type).block();
        }
    }

    // ---- who is who

    @EventHandler
    void on(AccountCreated e) {
        mongo.save(new AccountNameDocument(e.accountId().value(), e.displayName())).block();
    }

    /**
     * A new display name is how the member is named from then on; the time zone sets the hour of their digest and the
     * dates in their mail, the language the words of their mail.
     */
    @EventHandler
    void on(AccountProfileChanged e) {
        mongo.save(new AccountNameDocument(e.accountId().value(), e.displayName())).block();
        mongo.save(settings(e.accountId().value()).withProfile(e.timeZone(), e.language())).block();
    }

    @EventHandler
    void on(CooperativeFounded e) {
        e.founders().forEach(f -> person(e.cooperativeId().value(), f.memberId().value(), f.accountId().value()));
    }

    @EventHandler
    void on(MembershipApplied e) {
        person(e.cooperativeId().value(), e.memberId().value(), e.accountId().value());
    }

    @EventHandler
    void on(MemberAdmitted e, EventMessage<?> event, ReplayStatus replay) {
        person(e.cooperativeId().value(), e.memberId().value(), e.accountId().value());
        notifier.send(event, replay, new Notifier.Note(e.accountId().value(), NotificationKind.MEMBERSHIP,
                e.cooperativeId().value(), null, "You were admitted as a member",
                "You are now an active member (class " + e.classId() + ") and can vote.", cooperativePath(e.cooperativeId().value()))
                .saying("admitted", e.classId()));
    }

    @EventHandler
    void on(MemberAdmittedByDecision e, EventMessage<?> event, ReplayStatus replay) {
        person(e.cooperativeId().value(), e.memberId().value(), e.accountId().value());
        notifier.send(event, replay, new Notifier.Note(e.accountId().value(), NotificationKind.MEMBERSHIP,
                e.cooperativeId().value(), null, "You were admitted as a member",
                "Your admission was decided: you are now an active member (class " + e.classId() + ") and can vote.",
                cooperativePath(e.cooperativeId().value())).saying("admitted-by-decision", e.classId()));
    }

    @EventHandler
    void on(MemberSuspended e, EventMessage<?> event, ReplayStatus replay) {
        notifier.send(event, replay, new Notifier.Note(e.accountId().value(), NotificationKind.MEMBERSHIP,
                e.cooperativeId().value(), null, "Your membership was suspended",
                "Your membership was suspended: you keep your seat but cannot act until you are reinstated.",
                cooperativePath(e.cooperativeId().value())).saying("suspended"));
    }

    @EventHandler
    void on(RoleGranted e, EventMessage<?> event, ReplayStatus replay) {
        notifier.send(event, replay, new Notifier.Note(e.accountId().value(), NotificationKind.MEMBERSHIP,
                e.cooperativeId().value(), null, "You were given the role " + e.role(),
                "You now have the role " + e.role() + " in this cooperative.", cooperativePath(e.cooperativeId().value()))
                .saying("role-granted", String.valueOf(e.role())));
    }

    // ---- preferences and reading

    @EventHandler
    void on(NotificationPreferenceSet e) {
        InboxSettingsDocument current = settings(e.accountId().value());
        Map<String, String> preferences = new HashMap<>(current.preferences());
        preferences.put(e.kind().name(), e.delivery().name());
        mongo.save(current.withPreferences(preferences)).block();
    }

    @EventHandler
    void on(NotificationAddressSet e) {
        InboxSettingsDocument current = settings(e.accountId().value());
        mongo.save(current.withEmail(e.email())).block();
    }

    /** The account's own address (an invitation's, or a change): notification email goes there unless a separate one is set. */
    @EventHandler
    void on(AccountEmailChanged e) {
        mongo.save(settings(e.accountId().value()).withAccountEmail(e.email())).block();
    }

    @EventHandler
    void on(NotificationsRead e) {
        Query query = e.all()
                ? Query.query(where("accountId").is(e.accountId().value()).and("createdAt").lte(e.readAt()))
                : Query.query(where("accountId").is(e.accountId().value()).and("_id").in(e.notificationIds()));
        mongo.updateMulti(query, Update.update("read", true), NotificationDocument.class).block();
    }

    // ---- proposals and votes

    @EventHandler
    void on(ProposalSubmitted e) {
        mongo.save(new VoteDocument(e.proposalId().value(), e.cooperativeId().value(), e.title(), e.topic(),
                e.authorAccountId().value(), e.votingClosesAt(), e.resultsVisibility() == Visibility.AFTER_CLOSE, null,
                List.of(), VoteDocument.SUBMITTED)).block();
    }

    @EventHandler
    void on(ProposalRevised e) {
        mongo.updateFirst(Query.query(where("_id").is(e.proposalId().value())), Update.update("title", e.title()),
                VoteDocument.class).block();
    }

    @EventHandler
    void on(VotingOpened e, EventMessage<?> event, ReplayStatus replay) {
        VoteDocument before = mongo.findById(e.proposalId().value(), VoteDocument.class).block();
        List<VoteDocument.Elector> electorate = e.electorate().stream()
                .map(m -> new VoteDocument.Elector(m.memberId().value(), m.accountId().value(), m.classId(), m.power()))
                .toList();
        List<VoteDocument.ClassQuorum> classes = e.classes().stream()
                .map(c -> new VoteDocument.ClassQuorum(c.id(), c.quorum() == null ? 0 : c.quorum())).toList();
        VoteDocument vote = new VoteDocument(e.proposalId().value(), e.cooperativeId().value(),
                before == null ? e.topic() : before.title(), e.topic(), before == null ? null : before.authorAccountId(),
                before == null ? null : before.closesAt(), e.resultsVisibility() == Visibility.AFTER_CLOSE,
                e.delegation() == null ? null : e.delegation().maxChainLength(), classes, VoteDocument.VOTING,
                e.ballotSecrecy() == coop.plenum.governance.proposal.Secrecy.SECRET);
        mongo.save(vote).block();
        // written afresh, so an opening handled twice (redelivered after a crash) leaves the same electors
        mongo.remove(Query.query(where("proposalId").is(vote.proposalId())), ElectorDocument.class).block();
        List<ElectorDocument> electors = new ArrayList<>(electorate.size());
        for (int i = 0; i < electorate.size(); i++) {
            electors.add(ElectorDocument.of(vote.proposalId(), i, electorate.get(i)));
        }
        mongo.insertAll(electors).blockLast();
        String until = vote.closesAt() == null ? "until a secretary closes it" : "until " + WHEN.format(vote.closesAt());
        List<Notifier.Note> notes = new ArrayList<>(electorate.size());
        for (VoteDocument.Elector elector : electorate) {
            notes.add(new Notifier.Note(elector.accountId(), NotificationKind.VOTE_OPENED,
                    vote.cooperativeId(), vote.proposalId(), "Vote open: " + vote.title(),
                    "Voting on “" + vote.title() + "” is open " + until + ". Your voting power: "
                            + plain(elector.power()) + ".", proposalPath(vote))
                    .saying("vote-opened", vote.title(), instant(vote.closesAt()), plain(elector.power())));
        }
        notifier.send(event, replay, notes);
        if (vote.closesAt() != null && (replay == null || !replay.isReplay())) {
            closingSoon.schedule(vote.proposalId(), vote.closesAt(), e.openedAt());
        }
    }

    @EventHandler
    void on(BallotCast e, EventMessage<?> event, ReplayStatus replay) {
        // what a ballot reads of its vote is fixed from the opening until the close
        VoteDocument vote = openVotes.get(e.proposalId().value(), id -> mongo.findById(id, VoteDocument.class).block(),
                v -> VoteDocument.VOTING.equals(v.state()));
        if (vote == null) {
            return;
        }
        String caster = e.memberId().value();
        BallotBatch batch = BallotBatch.current();
        voted(batch, vote.proposalId(), caster, true);
        List<VoteDocument.Elector> carried = votes.carriedBy(vote, caster, batch);
        if (carried.isEmpty()) {
            return;
        }
        String casterName = nameOfMember(vote.cooperativeId(), caster);
        List<Notifier.Note> notes = new ArrayList<>(carried.size());
        for (VoteDocument.Elector elector : carried) {
            notes.add(new Notifier.Note(elector.accountId(), NotificationKind.DELEGATE_VOTED,
                    vote.cooperativeId(), vote.proposalId(), "Your delegate voted: " + vote.title(),
                    delegateVotedText(vote, elector, casterName, e), proposalPath(vote))
                    .saying("delegate-voted", vote.title(), casterName, vote.hidden() ? ""
                            : e.summary() != null ? e.summary() : String.valueOf(e.choice()), plain(elector.power()),
                            instant(vote.closesAt())));
        }
        notifier.send(event, replay, notes);
    }

    /** "Your delegate voted": whose ballot carries the member's power, how (the ballot, unless hidden until close), and that they may still vote. */
    static String delegateVotedText(VoteDocument vote, VoteDocument.Elector carried, String casterName, BallotCast e) {
        String ballot = vote.hidden() ? "" : " (" + (e.summary() != null ? e.summary() : String.valueOf(e.choice())) + ")";
        String until = vote.closesAt() == null ? "until voting closes" : "until " + WHEN.format(vote.closesAt());
        return casterName + " voted on “" + vote.title() + "”" + ballot + ". Your voting power of "
                + plain(carried.power()) + " is counted with their ballot, through your delegation. "
                + "You can still vote yourself " + until + ": your own ballot then counts instead.";
    }

    @EventHandler
    void on(BallotRetracted e) {
        voted(BallotBatch.current(), e.proposalId().value(), e.memberId().value(), false);
    }

    /**
     * A secret ballot is taking part and nothing more: reminders skip its voter; no delegate is told anything (a
     * secret vote has no delegation, and its choice is sealed).
     */
    @EventHandler
    void on(coop.plenum.governance.proposal.SecretBallotCast e) {
        voted(BallotBatch.current(), e.proposalId().value(), e.memberId().value(), true);
    }

    @EventHandler
    void on(coop.plenum.governance.proposal.SecretBallotRetracted e) {
        voted(BallotBatch.current(), e.proposalId().value(), e.memberId().value(), false);
    }

    @EventHandler
    void on(VotingClosed e, EventMessage<?> event, ReplayStatus replay) {
        openVotes.forget(e.proposalId().value());
        VoteDocument vote = mongo.findById(e.proposalId().value(), VoteDocument.class).block();
        if (vote == null) {
            return;
        }
        vote = new VoteDocument(vote.proposalId(), vote.cooperativeId(), vote.title(), vote.topic(), vote.authorAccountId(),
                vote.closesAt(), vote.hidden(), vote.maxChainLength(), vote.classes(), VoteDocument.CLOSED, vote.secret());
        mongo.save(vote).block();
        String outcome = e.outcome() == null ? "closed" : e.outcome().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        String approval = e.approval() == null ? "" : " (approval " + e.approval() + ")";
        String winners = e.winners() == null || e.winners().isEmpty() ? "" : "; winning: " + String.join(", ", e.winners());
        Set<String> recipients = new LinkedHashSet<>();
        votes.electors(vote.proposalId()).forEach(m -> recipients.add(m.accountId()));
        if (vote.authorAccountId() != null) {
            recipients.add(vote.authorAccountId());
        }
        List<Notifier.Note> notes = new ArrayList<>(recipients.size());
        for (String account : recipients) {
            notes.add(new Notifier.Note(account, NotificationKind.DECISION_MADE, vote.cooperativeId(),
                    vote.proposalId(), "Decided: " + vote.title(),
                    "The vote on “" + vote.title() + "” closed: " + outcome + approval + winners + ".", proposalPath(vote))
                    .saying("decision-made", vote.title(), e.outcome() == null ? "" : e.outcome().name(),
                            e.approval() == null ? "" : e.approval().toString(),
                            e.winners() == null ? "" : String.join(", ", e.winners())));
        }
        notifier.send(event, replay, notes);
    }

    @EventHandler
    void on(CommentAdded e, EventMessage<?> event, ReplayStatus replay) {
        VoteDocument vote = mongo.findById(e.proposalId().value(), VoteDocument.class).block();
        if (vote == null) {
            return;
        }
        String commenter = accountOf(vote.cooperativeId(), e.memberId().value());
        Set<String> recipients = new LinkedHashSet<>();
        if (vote.authorAccountId() != null) {
            recipients.add(vote.authorAccountId());
        }
        votes.electors(vote.proposalId()).stream().filter(ElectorDocument::voted).forEach(m -> recipients.add(m.accountId()));
        recipients.remove(commenter);
        String name = nameOfMember(vote.cooperativeId(), e.memberId().value());
        String excerpt = e.text() == null ? "" : e.text().length() > 280 ? e.text().substring(0, 279) + "…" : e.text();
        List<Notifier.Note> notes = new ArrayList<>(recipients.size());
        for (String account : recipients) {
            notes.add(new Notifier.Note(account, NotificationKind.COMMENT, vote.cooperativeId(),
                    vote.proposalId(), "New comment on " + vote.title(),
                    name + " commented on “" + vote.title() + "”: " + excerpt, proposalPath(vote))
                    .saying("comment", vote.title(), name, excerpt));
        }
        notifier.send(event, replay, notes);
    }

    // ---- delegations

    @EventHandler
    void on(VoteDelegated e, EventMessage<?> event, ReplayStatus replay) {
        String coop = e.cooperativeId().value();
        setDelegate(coop, e.memberId().value(), e.scope(), e.delegateId().value());
        String who = nameOfMember(coop, e.memberId().value());
        String scope = scopeText(e.scope());
        String delegate = accountOf(coop, e.delegateId().value());
        if (delegate != null) {
            notifier.send(event, replay, new Notifier.Note(delegate, NotificationKind.DELEGATION, coop, null,
                    who + " delegated their vote to you",
                    who + " delegated their vote " + scope + " to you: when you vote, your ballot counts for them too, "
                            + "unless they vote themselves.", delegationsPath(coop))
                    .saying("delegated-to-you", who, scopeCode(e.scope())));
        }
        if (e.previousDelegateId() != null && !e.previousDelegateId().equals(e.delegateId())) {
            stopped(event, replay, coop, who, e.scope(), e.previousDelegateId().value());
        }
    }

    @EventHandler
    void on(DelegationRevoked e, EventMessage<?> event, ReplayStatus replay) {
        String coop = e.cooperativeId().value();
        setDelegate(coop, e.memberId().value(), e.scope(), null);
        stopped(event, replay, coop, nameOfMember(coop, e.memberId().value()), e.scope(), e.delegateId().value());
    }

    private void stopped(EventMessage<?> event, ReplayStatus replay, String coop, String who, String scope, String delegateMember) {
        String delegate = accountOf(coop, delegateMember);
        if (delegate != null) {
            notifier.send(event, replay, new Notifier.Note(delegate, NotificationKind.DELEGATION, coop, null,
                    who + " no longer delegates to you",
                    who + " stopped delegating their vote " + scopeText(scope) + " to you.", delegationsPath(coop))
                    .saying("no-longer-delegates", who, scopeCode(scope)));
        }
    }

    // ---- the ledger

    @EventHandler
    void on(LedgerOpened e) {
        List<ContributorsDocument.Seat> seats = e.contributors().stream()
                .map(c -> new ContributorsDocument.Seat(c.contributorId().value(), c.accountId(), true)).toList();
        mongo.save(new ContributorsDocument(e.ledgerId().value(), seats)).block();
    }

    @EventHandler
    void on(ContributorRegistered e) {
        seat(e.ledgerId().value(), e.contributorId().value(), e.accountId(), true);
    }

    @EventHandler
    void on(ContributorStandingChanged e) {
        seat(e.ledgerId().value(), e.contributorId().value(), null, e.standing() == ContributorStanding.ACTIVE);
    }

    @EventHandler
    void on(ContributionLogged e, EventMessage<?> event, ReplayStatus replay) {
        ContributorsDocument ledger = mongo.findById(e.ledgerId().value(), ContributorsDocument.class).block();
        if (ledger == null) {
            return;
        }
        String coop = cooperativeOf(e.ledgerId().value());
        String logger = ledger.accountOf(e.contributorId().value());
        AccountNameDocument name = logger == null ? null : mongo.findById(logger, AccountNameDocument.class).block();
        String who = name == null ? "A contributor" : name.displayName();
        for (ContributorsDocument.Seat seat : ledger.contributors()) {
            if (seat.active() && !seat.contributorId().equals(e.contributorId().value()) && seat.accountId() != null) {
                notifier.send(event, replay, new Notifier.Note(seat.accountId(), NotificationKind.EVALUATION_AWAITED, coop,
                        null, "A contribution awaits your evaluation",
                        who + " logged " + plain(e.quantity()) + " " + e.type() + " on project " + e.project() + ": “"
                                + (e.description() == null ? "" : e.description()) + "”. It is decided after "
                                + e.requiredEvaluations() + " evaluations by peers.", ledgerPath(coop))
                        .saying("evaluation-awaited", who, plain(e.quantity()), String.valueOf(e.type()), e.project(),
                                e.description() == null ? "" : e.description(), String.valueOf(e.requiredEvaluations())));
            }
        }
    }

    @EventHandler
    void on(RevenueAllocated e, EventMessage<?> event, ReplayStatus replay) {
        ContributorsDocument ledger = mongo.findById(e.ledgerId().value(), ContributorsDocument.class).block();
        String account = ledger == null ? null : ledger.accountOf(e.contributorId().value());
        if (account == null) {
            return;
        }
        String coop = cooperativeOf(e.ledgerId().value());
        notifier.send(event, replay, new Notifier.Note(account, NotificationKind.REVENUE_ALLOCATED, coop, null,
                "Revenue was allocated to you",
                "You were allocated " + money(e.amount(), e.currency()) + " of revenue on project " + e.project() + ": your "
                        + plain(e.points()) + " of the project's " + plain(e.projectPoints()) + " accepted points.",
                ledgerPath(coop)).saying("revenue-allocated", money(e.amount(), e.currency()), e.project(), plain(e.points()),
                plain(e.projectPoints())));
    }

    private void seat(String ledgerId, String contributorId, String accountOrNull, boolean active) {
        ContributorsDocument ledger = mongo.findById(ledgerId, ContributorsDocument.class).block();
        List<ContributorsDocument.Seat> seats = new ArrayList<>(ledger == null ? List.of() : ledger.contributors());
        String account = accountOrNull;
        for (ContributorsDocument.Seat s : seats) {
            if (s.contributorId().equals(contributorId) && account == null) {
                account = s.accountId();
            }
        }
        seats.removeIf(s -> s.contributorId().equals(contributorId));
        seats.add(new ContributorsDocument.Seat(contributorId, account, active));
        mongo.save(new ContributorsDocument(ledgerId, seats)).block();
    }

    /** A ledger belongs to one cooperative and is named after it (LedgerId.ofCooperative). */
    static String cooperativeOf(String ledgerId) {
        return ledgerId.startsWith("ledger-") ? ledgerId.substring("ledger-".length()) : ledgerId;
    }

    /** The amount as the ledger records it, at the currency's scale (100.00 EUR). */
    static String money(java.math.BigDecimal amount, String currency) {
        return amount.toPlainString() + " " + currency;
    }

    static String ledgerPath(String coop) {
        return "/cooperatives/" + segment(coop) + "/ledger";
    }

    // ---- reminders

    @EventHandler
    void on(VotingClosingSoonAnnounced e, EventMessage<?> event, ReplayStatus replay) {
        VoteDocument vote = mongo.findById(e.proposalId().value(), VoteDocument.class).block();
        if (vote == null) {
            return;
        }
        Map<String, QuorumShortfall> shortByClass = new HashMap<>();
        e.shortfalls().forEach(s -> shortByClass.put(s.classId(), s));
        List<Notifier.Note> notes = new ArrayList<>();
        for (NotifiedElector elector : e.nonVoters()) {
            notes.add(new Notifier.Note(elector.accountId().value(), NotificationKind.CLOSING_SOON,
                    vote.cooperativeId(), vote.proposalId(), "Closing in 24 hours: " + vote.title(),
                    "Voting on “" + vote.title() + "” closes " + WHEN.format(e.closesAt())
                            + " and your vote is not counted yet: you have not voted, and no delegate of yours has.",
                    proposalPath(vote)).saying("closing-soon", vote.title(), instant(e.closesAt())));
            QuorumShortfall shortfall = shortByClass.get(elector.classId());
            if (shortfall != null) {
                notes.add(new Notifier.Note(elector.accountId().value(), NotificationKind.QUORUM_SHORT,
                        vote.cooperativeId(), vote.proposalId(), "Your class is short of quorum: " + vote.title(),
                        quorumShortText(vote.title(), shortfall, e.closesAt()), proposalPath(vote))
                        .saying("quorum-short", vote.title(), shortfall.classId(), plain(shortfall.counted()),
                                plain(shortfall.electoratePower()), String.valueOf(shortfall.quorumPercent()),
                                plain(shortfall.missing()), instant(e.closesAt())));
            }
        }
        notifier.send(event, replay, notes);
    }

    static String quorumShortText(String title, QuorumShortfall s, Instant closesAt) {
        return "On “" + title + "”, class " + s.classId() + " has " + plain(s.counted()) + " of "
                + plain(s.electoratePower()) + " voting power counted; its quorum of " + s.quorumPercent()
                + "% needs " + plain(s.missing()) + " more before " + WHEN.format(closesAt)
                + ", or the vote ends without quorum.";
    }

    @EventHandler
    void on(NonVotersReminded e, EventMessage<?> event, ReplayStatus replay) {
        VoteDocument vote = mongo.findById(e.proposalId().value(), VoteDocument.class).block();
        if (vote == null) {
            return;
        }
        String until = vote.closesAt() == null ? "" : " Voting closes " + WHEN.format(vote.closesAt()) + ".";
        List<Notifier.Note> notes = new ArrayList<>(e.nonVoters().size());
        for (NotifiedElector elector : e.nonVoters()) {
            notes.add(new Notifier.Note(elector.accountId().value(), NotificationKind.VOTE_REMINDER,
                    vote.cooperativeId(), vote.proposalId(), "Reminder to vote: " + vote.title(),
                    "The secretary reminds you that your vote on “" + vote.title() + "” is not counted yet." + until,
                    proposalPath(vote)).saying("vote-reminder", vote.title(), instant(vote.closesAt())));
        }
        notifier.send(event, replay, notes);
    }

    // ---- helpers

    /** Records the member's delegate for the scope (null: none), both ways: member → delegate and delegate ← member. */
    private void setDelegate(String coop, String member, String scope, String delegateOrNull) {
        String key = PersonDocument.key(coop, member);
        DelegateDocument d = mongo.findById(key, DelegateDocument.class).block();
        List<DelegateDocument.Scoped> scopes = new ArrayList<>(d == null ? List.of() : d.scopes());
        for (DelegateDocument.Scoped s : scopes) {
            if (s.scope().equals(scope)) {
                delegator(coop, s.delegateId(), member, scope, false);
            }
        }
        scopes.removeIf(s -> s.scope().equals(scope));
        if (delegateOrNull != null) {
            scopes.add(new DelegateDocument.Scoped(scope, delegateOrNull));
            delegator(coop, delegateOrNull, member, scope, true);
        }
        mongo.save(new DelegateDocument(key, coop, member, scopes)).block();
    }

    private void delegator(String coop, String delegate, String member, String scope, boolean add) {
        String key = PersonDocument.key(coop, delegate);
        DelegatorsDocument d = mongo.findById(key, DelegatorsDocument.class).block();
        List<DelegatorsDocument.Delegator> delegators = new ArrayList<>(d == null ? List.of() : d.delegators());
        DelegatorsDocument.Delegator entry = new DelegatorsDocument.Delegator(member, scope);
        BallotBatch.delegationsChanged();
        delegators.remove(entry);
        if (add) {
            delegators.add(entry);
        }
        mongo.save(new DelegatorsDocument(key, delegators)).block();
    }

    private void voted(BallotBatch batch, String proposalId, String member, boolean voted) {
        String key = ElectorDocument.key(proposalId, member);
        batch.queuedVoted(key, voted);
        writes.upsert(ElectorDocument.class, Query.query(where("_id").is(key)), Update.update("voted", voted));
    }

    private void person(String coop, String member, String account) {
        mongo.save(new PersonDocument(PersonDocument.key(coop, member), account)).block();
    }

    private String accountOf(String coop, String member) {
        PersonDocument p = mongo.findById(PersonDocument.key(coop, member), PersonDocument.class).block();
        return p == null ? null : p.accountId();
    }

    private String nameOfMember(String coop, String member) {
        String account = accountOf(coop, member);
        AccountNameDocument name = account == null ? null : mongo.findById(account, AccountNameDocument.class).block();
        return name == null ? "Member " + member : name.displayName();
    }

    private InboxSettingsDocument settings(String accountId) {
        InboxSettingsDocument found = mongo.findById(accountId, InboxSettingsDocument.class).block();
        return found != null ? found : InboxSettingsDocument.none(accountId);
    }

    /** A scope as a page says it in its language: blank for every topic, else the topic. */
    private static String scopeCode(String scope) {
        return coop.plenum.governance.voting.Delegations.GLOBAL.equals(scope) ? "" : scope;
    }

    /** An instant as a parameter of a notification's code (ISO 8601, UTC); blank when there is none. */
    private static String instant(Instant at) {
        return at == null ? "" : at.toString();
    }

    private static String scopeText(String scope) {
        return coop.plenum.governance.voting.Delegations.GLOBAL.equals(scope) ? "for every topic" : "for topic " + scope;
    }

    static String proposalPath(VoteDocument vote) {
        return "/cooperatives/" + segment(vote.cooperativeId()) + "/proposals/" + segment(vote.proposalId());
    }

    static String cooperativePath(String coop) {
        return "/cooperatives/" + segment(coop);
    }

    static String delegationsPath(String coop) {
        return "/cooperatives/" + segment(coop) + "/delegations";
    }

    /** An exact amount for people: 0.5, not 0.50000000 (the event keeps the exact value). */
    static String plain(java.math.BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    /** An id as one path segment: ids may hold any printable character. */
    static String segment(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
