package coop.plenum.governance.proposal.query;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.axon.ReadModelWriteBatching;
import coop.plenum.governance.axon.ReadModelWrites;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalSubmitted;
import coop.plenum.governance.proposal.Secrecy;
import coop.plenum.governance.proposal.SecretBallotCast;
import coop.plenum.governance.proposal.SecretBallotRetracted;
import coop.plenum.governance.proposal.VotingOpened;
import coop.plenum.governance.storage.EmbeddedMongoServer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The proposals read model of one SECRET YES_NO vote, on the embedded MongoDB-wire server: the group's two
 * projections wired as the application wires them (one {@link ReadModelWrites}, the processor's write batching), fed
 * events one at a time or as one batch of the processor, and read through the query handlers.
 */
final class SecretVoteReadModel implements AutoCloseable {

    static final ProposalId P = new ProposalId("secret-vote-1");
    static final CooperativeId COOP = new CooperativeId("c1");
    static final Instant OPENED = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SEAL = "U0VBTEVELWJhbGxvdC1ieXRlcw";

    private final EmbeddedMongoServer server;
    private final MongoClient client;
    final ReactiveMongoTemplate mongo;
    private final ProposalProjection projection;
    private final ReadModelWriteBatching batching;
    private long position;

    SecretVoteReadModel(Path dir) {
        server = EmbeddedMongoServer.start(dir);
        client = MongoClients.create(server.connectionString());
        mongo = new ReactiveMongoTemplate(client, "test");
        ReadModelWrites writes = new ReadModelWrites(mongo);
        ProposalBallots ballots = new ProposalBallots(mongo, writes);
        // a secret vote delegates nothing: no delegation history is read
        projection = new ProposalProjection(mongo, Clock.fixed(OPENED.plusSeconds(86_400), ZoneOffset.UTC), new ProposalChanges(),
                null, new LiveTallies(ballots, null), ballots, writes);
        new MemberBallotsProjection(mongo, writes);
        batching = new ReadModelWriteBatching("readmodel-proposals", writes);
    }

    /** Submitted (sequence 0) and opened (1) with the members as electors of power 1, "workers" then "users" alternately. */
    void open(List<String> members) {
        projection.on(new ProposalSubmitted(P, COOP, new MemberId("author"), new AccountId("acc-author"), "Admit Zoe", "b",
                "general", ProposalKind.GENERAL, null, null, null, OPENED.minusSeconds(3600), null, null, null, null, null,
                Secrecy.SECRET), 0);
        List<ElectorateMember> electorate = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            electorate.add(new ElectorateMember(new MemberId(members.get(i)), new AccountId("acc-" + members.get(i)),
                    i % 2 == 0 ? "workers" : "users", BigDecimal.ONE));
        }
        projection.on(new VotingOpened(P, COOP, "general", OPENED,
                List.of(new StakeholderClass("workers", "Workers", 50, 0), new StakeholderClass("users", "Users", 50, 0)),
                new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED), null, electorate, null, null, null, null,
                null, null, Secrecy.SECRET), 1);
    }

    /** One event of the vote's stream at its sequence number. */
    record Step(long sequence, Object event) {
    }

    static Step cast(long sequence, String member) {
        return new Step(sequence, new SecretBallotCast(P, new MemberId(member), OPENED.plusSeconds(sequence), SEAL));
    }

    static Step retract(long sequence, String member) {
        return new Step(sequence, new SecretBallotRetracted(P, new MemberId(member), OPENED.plusSeconds(sequence)));
    }

    /** Each step handled on its own, its writes made in its handler (as outside a processor's batch). */
    void apply(Step... steps) {
        for (Step step : steps) {
            handle(step.event(), step.sequence());
        }
    }

    /** The steps as one batch of the processor; {@code during} runs inside each handler, after it. */
    void batch(List<Step> steps, Consumer<Step> during) {
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        for (Step step : steps) {
            messages.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(++position),
                    new GenericDomainEventMessage<>("Proposal", P.value(), step.sequence(), step.event())));
        }
        BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(messages);
        unit.executeWithResult(() -> batching.handle(unit, () -> {
            DomainEventMessage<?> message = (DomainEventMessage<?>) unit.getMessage();
            handle(message.getPayload(), message.getSequenceNumber());
            during.accept(new Step(message.getSequenceNumber(), message.getPayload()));
            return null;
        }));
    }

    private void handle(Object event, long sequence) {
        if (event instanceof SecretBallotCast cast) {
            projection.on(cast, sequence);
        } else if (event instanceof SecretBallotRetracted retracted) {
            projection.on(retracted, sequence);
        } else if (event instanceof coop.plenum.governance.proposal.VotingClosed closed) {
            projection.on(closed, sequence);
        } else {
            throw new IllegalArgumentException("not a step of this vote: " + event);
        }
    }

    /** Who took part, as the proposal's page lists them. */
    List<String> tookPart() {
        return projection.handle(new FindProposal(P)).join().secretParticipants().stream().map(MemberId::value).toList();
    }

    /** The live tally now (null) or as of an instant: participation per class. */
    TallyView tally(Instant asOf) {
        return projection.handle(new FindTally(P, asOf)).join();
    }

    /** The members of the class counted as taking part in the tally (power 1 each). */
    static BigDecimal takingPart(TallyView tally, String classId) {
        return tally.tally().forClass(classId).orElseThrow().abstain();
    }

    /** The proposal's document as stored, every field of it. */
    org.bson.Document document() {
        return mongo.findById(P.value(), org.bson.Document.class, "proposals").block();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
