package coop.plenum.governance.notification.query;

import coop.plenum.governance.proposal.BallotCast;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What the ballots of one processor batch have read and written of the notification read model, so a batch of
 * ballots costs one bulk write and one delegators query rather than a write and a read per ballot.
 * <ul>
 *   <li>An elector's {@code voted} flag is queued until the end of the batch ({@code ReadModelWrites}); a later ballot
 *   of the same batch walking a delegation chain must still see it, so the flags queued here override what MongoDB
 *   holds ({@link #voted}).</li>
 *   <li>Who delegates to each caster is read once for all the casters of the batch's ballots on that vote
 *   ({@link #delegatorsOf}); a delegation handled in the batch changes those documents, and {@link #delegationsChanged}
 *   drops what was read so the ballots after it read again.</li>
 * </ul>
 * It lives in the batch's unit of work, so a batch rolled back and retried starts from what MongoDB holds.
 */
final class BallotBatch {

    private static final String RESOURCE = BallotBatch.class.getName();

    private final Map<String, Boolean> voted = new HashMap<>();
    private final Map<String, List<DelegatorsDocument.Delegator>> delegators = new HashMap<>();

    /** The current batch's, or a fresh one that remembers nothing beyond the caller (a test calling a handler). */
    static BallotBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new BallotBatch();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> new BallotBatch());
    }

    /** Forgets what was read of delegators in the current batch, if any: a delegation changed them. */
    static void delegationsChanged() {
        if (CurrentUnitOfWork.isStarted()) {
            BallotBatch batch = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (batch != null) {
                batch.delegators.clear();
            }
        }
    }

    void queuedVoted(String electorKey, boolean flag) {
        voted.put(electorKey, flag);
    }

    /** The elector as the batch leaves it: MongoDB's document with any {@code voted} flag queued since. */
    ElectorDocument voted(ElectorDocument stored) {
        if (stored == null) {
            return null;
        }
        Boolean queued = voted.get(stored.id());
        return queued == null || queued == stored.voted() ? stored : stored.withVoted(queued);
    }

    /**
     * Who delegates to {@code member} in cooperative {@code coop}; the first call for a vote reads the documents of
     * every caster of the batch's ballots on {@code proposalId} in one query.
     */
    List<DelegatorsDocument.Delegator> delegatorsOf(ReactiveMongoTemplate mongo, String coop, String proposalId,
                                                     String member) {
        String key = PersonDocument.key(coop, member);
        List<DelegatorsDocument.Delegator> known = delegators.get(key);
        if (known != null) {
            return known;
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key);
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            for (Message<?> message : batch.getMessages()) {
                if (message.getPayload() instanceof BallotCast ballot && ballot.proposalId().value().equals(proposalId)) {
                    keys.add(PersonDocument.key(coop, ballot.memberId().value()));
                }
            }
        }
        keys.forEach(k -> delegators.put(k, List.of()));
        mongo.find(Query.query(where("_id").in(keys)), DelegatorsDocument.class)
                .doOnNext(d -> delegators.put(d.id(), d.delegators())).blockLast();
        return delegators.get(key);
    }
}
