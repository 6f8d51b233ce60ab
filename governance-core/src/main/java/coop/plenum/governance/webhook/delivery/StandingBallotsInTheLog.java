package coop.plenum.governance.webhook.delivery;

import coop.plenum.governance.axon.AggregateHistory;
import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import coop.plenum.governance.proposal.SecretBallotCast;
import coop.plenum.governance.proposal.SecretBallotRetracted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who had a ballot standing on a proposal just before one of its events, folded from the proposal's own events in
 * the log (open and secret ballots and their retractions alike; nothing of a ballot's content is read). The webhook
 * processor counts again from here when a proposal's count was not kept while nobody was told of its ballots.
 */
final class StandingBallotsInTheLog {

    private StandingBallotsInTheLog() {
    }

    /** Each member who cast before the proposal's event number {@code sequenceNumber}: whether their ballot stands. */
    static Map<String, Boolean> before(EventStore log, String proposalId, long sequenceNumber) {
        Map<String, Boolean> standing = new LinkedHashMap<>();
        DomainEventStream events = AggregateHistory.of(log, proposalId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getSequenceNumber() >= sequenceNumber) {
                break;
            }
            Object payload = event.getPayload();
            if (payload instanceof BallotCast cast) {
                standing.put(cast.memberId().value(), true);
            } else if (payload instanceof SecretBallotCast cast) {
                standing.put(cast.memberId().value(), true);
            } else if (payload instanceof BallotRetracted retracted) {
                standing.put(retracted.memberId().value(), false);
            } else if (payload instanceof SecretBallotRetracted retracted) {
                standing.put(retracted.memberId().value(), false);
            }
        }
        return standing;
    }
}
