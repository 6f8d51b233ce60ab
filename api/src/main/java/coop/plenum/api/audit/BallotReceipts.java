package coop.plenum.api.audit;

import coop.plenum.governance.audit.chain.EventReceipts;
import coop.plenum.governance.proposal.BallotRecorded;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The receipt for a ballot just cast: read from the stored row its command produced (named by proposal and sequence
 * number, never "the latest"), in one indexed query, without waiting for the chainer or a checkpoint.
 */
@Component
public class BallotReceipts {

    private final EventReceipts events;

    BallotReceipts(EventReceipts events) {
        this.events = events;
    }

    public Mono<BallotReceiptJson> of(BallotRecorded ballot, String memberId) {
        if (!events.durableLog()) {
            return Mono.just(BallotReceiptJson.withoutLog(ballot, memberId));
        }
        return Mono.fromCallable(() -> events.of(new EventReceipts.EventKey(ballot.proposalId().value(), ballot.sequenceNumber()))
                        .map(event -> BallotReceiptJson.of(ballot.proposalId().value(), memberId, event, events.proofWithin()))
                        // the command returned after its transaction committed, so the row is there
                        .orElseThrow(() -> new IllegalStateException("the ballot's event is not in the log: " + ballot)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
