package coop.plenum.governance.audit.chain;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.tally.Choice;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.ProposalKind;
import coop.plenum.governance.proposal.ProposalSubmitted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proposal past {@code plenum.axon.snapshot-after-events} has a snapshot, and Axon's {@code readEvents(id)} starts
 * there (the aggregate's state, then only the later events). The readers that fold a proposal's own events must still
 * see it from {@code ProposalSubmitted} on: the what-if replay and the decision workspace (every ballot), and the
 * cooperative stamp on a node that started after the proposal was submitted (its first event names the cooperative).
 */
class ReadersOfAProposalsEventsSkipNoSnapshotTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    private InMemoryEventStorageEngine engine;
    private EmbeddedEventStore store;

    @BeforeEach
    void aProposalWithASnapshotAfterItsBallots() {
        engine = new InMemoryEventStorageEngine();
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
        ProposalSubmitted submitted = new ProposalSubmitted(new ProposalId("p"), new CooperativeId("riverside"),
                new MemberId("m-ann"), new AccountId("acc-ann"), "Solar roof", "b", "energy", ProposalKind.GENERAL, null,
                null, null, AT);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>("Proposal", "p", 0, submitted));
        events.add(new GenericDomainEventMessage<>("Proposal", "p", 1, new BallotCast(new ProposalId("p"), new MemberId("m-ann"), Choice.YES, AT)));
        events.add(new GenericDomainEventMessage<>("Proposal", "p", 2, new BallotCast(new ProposalId("p"), new MemberId("m-bob"), Choice.NO, AT)));
        engine.appendEvents(events);
        engine.storeSnapshot(new GenericDomainEventMessage<>("Proposal", "p", 2, Map.of("state", "the aggregate as of event 2")));
    }

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void theWhatIfReplayAndTheWorkspaceReadEveryEventFromTheSubmissionNeverTheSnapshot() {
        assertThat(store.readEvents("p").next().getPayload()).as("what Axon's plain read starts with").isInstanceOf(Map.class);

        List<Object> payloads = new ArrayList<>();
        coop.plenum.governance.axon.AggregateHistory.of(store, "p").forEachRemaining(e -> payloads.add(e.getPayload()));
        assertThat(payloads).hasSize(3).first().isInstanceOf(ProposalSubmitted.class);
        assertThat(payloads).noneMatch(Map.class::isInstance);

    }

    @Test
    void aNodeStartedAfterTheSubmissionStillStampsTheProposalsNextEventWithItsCooperative() {
        CooperativeStamp freshNode = new CooperativeStamp(store);
        var next = freshNode.stamp(new GenericDomainEventMessage<>("Proposal", "p", 3,
                new BallotCast(new ProposalId("p"), new MemberId("m-cid"), Choice.YES, AT)));
        assertThat(next.getMetaData()).containsEntry(CooperativeStamp.METADATA_KEY, "riverside");
    }
}
