package coop.plenum.api.support;

import coop.plenum.governance.axon.CommittedEvents;
import coop.plenum.governance.axon.ConflictRetry;
import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.governance.proposal.BallotOutcome;
import coop.plenum.governance.proposal.BallotRecorded;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.CastBallots;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Group commit for ballots (issue 16). Ballots on one proposal are decided one after the other under the proposal's
 * lock, and each used to be its own transaction, so a busy vote waited on one flush of the log per ballot. Here the
 * ballots that arrive for a proposal while one batch is being recorded queue up, and the next batch records all of
 * them (at most {@code plenum.api.ballot-batch-max}) in one {@link CastBallots}: one transaction, one flush. A ballot
 * alone is recorded at once, as before. Every caller is answered only after the transaction holding its ballot
 * committed (acknowledged still means durable), with its own outcome: a refused ballot gets its own refusal and
 * does not hold back the others.
 * <p>
 * No thread waits for a batch it is not in: the caller whose ballot is first in the queue records the next batch,
 * the others wait for their answer.
 */
@Component
class BallotGroupCommit {

    private final CommandGateway gateway;
    private final CommittedEvents committed;
    private final int conflictRetries;
    private final int maxBatch;
    private final Map<Lane, ArrayDeque<Waiting>> queues = new HashMap<>();

    BallotGroupCommit(CommandGateway gateway, CommittedEvents committed,
                      @Value("${plenum.cluster.conflict-retries:5}") int conflictRetries,
                      @Value("${plenum.api.ballot-batch-max:64}") int maxBatch) {
        if (maxBatch < 1 || maxBatch > CastBallots.MAX_BALLOTS) {
            throw new IllegalArgumentException("plenum.api.ballot-batch-max must be from 1 to " + CastBallots.MAX_BALLOTS
                    + ", was " + maxBatch);
        }
        this.gateway = gateway;
        this.committed = committed;
        this.conflictRetries = Math.max(0, conflictRetries);
        this.maxBatch = maxBatch;
    }

    /** Ballots share a batch only when addressed the same way: same proposal, under the same cooperative. */
    private record Lane(String proposalId, Object addressedCooperative) {
    }

    private static final class Waiting {
        final CastBallots.Queued ballot;
        /** true: this caller records the next batch; false: its ballot was recorded (or refused) by another. */
        final CompletableFuture<Boolean> turn = new CompletableFuture<>();
        BallotOutcome outcome;
        RuntimeException failure;
        List<CommittedEvents.Written> events = List.of();

        Waiting(CastBallots.Queued ballot) {
            this.ballot = ballot;
        }
    }

    CommittedEvents.Sent<BallotRecorded> cast(CastBallot ballot, MetaData metaData) {
        Object actor = Objects.requireNonNull(metaData.get(EventMetadata.ACTOR), "actor");
        Object correlation = metaData.get(EventMetadata.CORRELATION_ID);
        Object addressed = metaData.get(EventMetadata.ADDRESSED_COOPERATIVE);
        Lane lane = new Lane(ballot.proposalId().value(), addressed);
        Waiting me = new Waiting(new CastBallots.Queued(ballot, actor.toString(), correlation == null ? null : correlation.toString()));
        boolean first;
        synchronized (queues) {
            ArrayDeque<Waiting> queue = queues.computeIfAbsent(lane, l -> new ArrayDeque<>());
            queue.add(me);
            first = queue.size() == 1;
        }
        if (first || awaitTurn(me)) {
            record(lane, addressed);
        }
        if (me.failure != null) {
            throw me.failure;
        }
        return new CommittedEvents.Sent<>(me.outcome.recordedOrThrow(), me.events);
    }

    private static boolean awaitTurn(Waiting me) {
        try {
            return me.turn.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("a ballot batch ended without answering", e);
        }
    }

    /**
     * Records the batch at the head of the lane's queue (this caller's ballot first), answers everyone in it, then
     * hands the next batch to the first caller still waiting, or drops the empty queue.
     */
    private void record(Lane lane, Object addressed) {
        List<Waiting> batch = new ArrayList<>();
        synchronized (queues) {
            ArrayDeque<Waiting> queue = queues.get(lane);
            for (Waiting waiting : queue) {
                if (batch.size() == maxBatch) {
                    break;
                }
                batch.add(waiting);
            }
        }
        try {
            CastBallots command = new CastBallots(batch.get(0).ballot.ballot().proposalId(),
                    batch.stream().map(w -> w.ballot).toList());
            MetaData metaData = MetaData.with(EventMetadata.ACTOR, EventMetadata.SYSTEM);
            if (addressed != null) {
                metaData = metaData.and(EventMetadata.ADDRESSED_COOPERATIVE, addressed);
            }
            MetaData sent = metaData;
            CommittedEvents.Sent<List<BallotOutcome>> recorded = committed.capture(() -> ConflictRetry.retrying(conflictRetries,
                    () -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(sent))));
            List<BallotOutcome> outcomes = recorded.result();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome = outcomes.get(i);
                // the batch committed as one: each caller's read-your-writes waits for the batch's events
                batch.get(i).events = recorded.events();
            }
        } catch (RuntimeException failed) {
            // the whole unit of work failed (nothing stored): every ballot in it is answered with that failure
            batch.forEach(waiting -> waiting.failure = failed);
        } finally {
            Waiting next;
            synchronized (queues) {
                ArrayDeque<Waiting> queue = queues.get(lane);
                batch.forEach(queue::remove);
                next = queue.peekFirst();
                if (next == null) {
                    queues.remove(lane);
                }
            }
            for (Waiting waiting : batch) {
                waiting.turn.complete(false);
            }
            if (next != null) {
                next.turn.complete(true);
            }
        }
    }
}
