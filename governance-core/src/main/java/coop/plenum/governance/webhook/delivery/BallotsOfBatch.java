package coop.plenum.governance.webhook.delivery;

import coop.plenum.governance.proposal.BallotCast;
import coop.plenum.governance.proposal.BallotRetracted;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the webhook processor's current batch has read and changed of proposals' standing ballots, while the writes
 * wait for the batch's bulk write: the voters of all the batch's ballots on a proposal, read in one query, and each
 * proposal's document as the batch leaves it. Kept in the batch's unit of work, so a batch rolled back and handled
 * again starts from what MongoDB holds; outside a batch every call reads afresh.
 */
final class BallotsOfBatch {

    private static final String RESOURCE = BallotsOfBatch.class.getName();
    private static final Document ABSENT = new Document();

    private final Map<String, Document> voters = new HashMap<>();
    private final Set<String> proposalsRead = new java.util.HashSet<>();
    private final Map<String, Document> proposals = new HashMap<>();

    static BallotsOfBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new BallotsOfBatch();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> new BallotsOfBatch());
    }

    /** A proposal's title, cooperative or visibility was written at once (the queued writes went first): read again. */
    static void proposalsChanged() {
        if (CurrentUnitOfWork.isStarted()) {
            BallotsOfBatch batch = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (batch != null) {
                batch.proposals.clear();
            }
        }
    }

    /** The proposal's voters and count were rewritten at once: what the batch read of them is read again. */
    static void forget(String proposalId) {
        if (CurrentUnitOfWork.isStarted()) {
            BallotsOfBatch batch = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (batch != null) {
                batch.proposals.remove(proposalId);
                batch.proposalsRead.remove(proposalId);
                batch.voters.keySet().removeIf(key -> key.startsWith(proposalId + "|"));
            }
        }
    }

    /** The voter's document as the batch leaves it, or null; the first call for a proposal reads the batch's voters on it. */
    Document voter(String proposalId, String key, Function<Set<String>, List<Document>> read) {
        Document known = voters.get(key);
        if (known == null) {
            Set<String> keys = new LinkedHashSet<>();
            keys.add(key);
            if (proposalsRead.add(proposalId) && CurrentUnitOfWork.isStarted()
                    && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
                for (Message<?> message : batch.getMessages()) {
                    if (message.getPayload() instanceof BallotCast cast && cast.proposalId().value().equals(proposalId)) {
                        keys.add(proposalId + "|" + cast.memberId().value());
                    } else if (message.getPayload() instanceof BallotRetracted retracted
                            && retracted.proposalId().value().equals(proposalId)) {
                        keys.add(proposalId + "|" + retracted.memberId().value());
                    }
                }
            }
            keys.forEach(k -> voters.putIfAbsent(k, ABSENT));
            for (Document found : read.apply(keys)) {
                voters.put(found.getString("_id"), found);
            }
            known = voters.get(key);
        }
        return known == ABSENT ? null : known;
    }

    void voterIs(String key, Document voter) {
        voters.put(key, voter);
    }

    /** The proposal's document as the batch leaves it (read once per batch), or null when there is none. */
    Document proposal(String proposalId, Function<String, Optional<Document>> read) {
        Document known = proposals.get(proposalId);
        if (known == null) {
            known = read.apply(proposalId).orElse(ABSENT);
            proposals.put(proposalId, known);
        }
        return known == ABSENT ? null : known;
    }
}
