package coop.plenum.governance.webhook.delivery;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.SecretBallotCast;
import coop.plenum.governance.proposal.SecretBallotRetracted;
import coop.plenum.governance.tally.Choice;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the webhook processor counts again from the log when a proposal's count was not kept (docs/integrations.md). */
class StandingBallotsInTheLogTest {

    private static final ProposalId P = new ProposalId("p");
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void theLastBallotEventOfEachMemberBeforeTheGivenEventSaysWhetherTheirBallotStandsEvenPastASnapshot() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        EmbeddedEventStore log = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            List<Object> events = List.of(
                    new BallotCast(P, new MemberId("ann"), Choice.YES, AT),
                    new BallotCast(P, new MemberId("bob"), Choice.NO, AT),
                    new BallotRetracted(P, new MemberId("bob"), AT),
                    new BallotCast(P, new MemberId("ann"), Choice.NO, AT),
                    new SecretBallotCast(P, new MemberId("cid"), AT, "sealed"),
                    new SecretBallotRetracted(P, new MemberId("cid"), AT),
                    new BallotCast(P, new MemberId("dan"), Choice.YES, AT));
            List<DomainEventMessage<?>> messages = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                messages.add(new GenericDomainEventMessage<>("Proposal", "p", i, events.get(i)));
            }
            engine.appendEvents(messages);
            engine.storeSnapshot(new GenericDomainEventMessage<>("Proposal", "p", 4, Map.of("state", "as of event 4")));

            assertThat(StandingBallotsInTheLog.before(log, "p", 6))
                    .isEqualTo(Map.of("ann", true, "bob", false, "cid", false));
            assertThat(StandingBallotsInTheLog.before(log, "p", 5)).containsEntry("cid", true);
            assertThat(StandingBallotsInTheLog.before(log, "p", 2)).isEqualTo(Map.of("ann", true, "bob", true));
            assertThat(StandingBallotsInTheLog.before(log, "p", 0)).isEmpty();
            assertThat(StandingBallotsInTheLog.before(log, "p", 99)).containsEntry("dan", true).hasSize(4);
        } finally {
            log.shutDown();
        }
    }
}
