package coop.plenum.governance.membership.query;

import coop.plenum.governance.membership.MemberAdmitted;
import coop.plenum.governance.membership.MemberStatus;
import coop.plenum.governance.membership.MembershipApplied;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What the membership events of one processor batch have read and written, so a batch of account creations,
 * applications and admissions costs a name query and a bulk write per collection instead of about three round trips
 * per event. Their writes wait for the end of the batch ({@code ReadModelWrites}), but a later event of the batch
 * depends on an earlier one (an application names the member after the account created just before; an admission
 * carries the status of the application before it into its history), so the batch remembers what it wrote:
 * <ul>
 *   <li>names: every name this projection writes, and every name it read, the first read fetching the names of all the
 *   batch's applicants and cooperatives in one query ({@link #nameOf});</li>
 *   <li>members: the status and class each membership written in the batch was left in ({@link #memberState}).</li>
 * </ul>
 * It lives in the batch's unit of work, so a batch rolled back and retried starts from what MongoDB holds; outside a
 * batch it remembers nothing beyond its caller.
 */
final class MembershipBatch {

    private static final String RESOURCE = MembershipBatch.class.getName();

    /** The state a membership is left in by the events of the batch so far. */
    record MemberState(MemberStatus status, String classId) {
    }

    /** Name keys (DirectoryNameDocument) → name; a key mapped to null is known to have no name. */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, MemberState> members = new HashMap<>();

    static MembershipBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new MembershipBatch();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> new MembershipBatch());
    }

    void named(String key, String name) {
        names.put(key, name);
    }

    /** The name as the batch leaves it; a name not known yet is read with those of the rest of the batch. */
    String nameOf(ReactiveMongoTemplate mongo, String key) {
        if (names.containsKey(key)) {
            return names.get(key);
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key);
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            for (Message<?> message : batch.getMessages()) {
                if (message.getPayload() instanceof MembershipApplied applied) {
                    keys.add(DirectoryNameDocument.account(applied.accountId().value()));
                    keys.add(DirectoryNameDocument.cooperative(applied.cooperativeId().value()));
                } else if (message.getPayload() instanceof MemberAdmitted admitted) {
                    keys.add(DirectoryNameDocument.cooperative(admitted.cooperativeId().value()));
                }
            }
        }
        // names written in the batch already are newer than what MongoDB holds (their writes may still be queued)
        keys.removeIf(names::containsKey);
        Map<String, String> found = new HashMap<>();
        mongo.find(Query.query(where("_id").in(keys)), DirectoryNameDocument.class)
                .doOnNext(d -> found.put(d.id(), d.name())).blockLast();
        keys.forEach(k -> names.put(k, found.get(k)));
        return names.get(key);
    }

    /** The membership's status and class after the batch's events so far, or null if the batch has not written it. */
    MemberState memberState(String memberId) {
        return members.get(memberId);
    }

    void memberLeft(String memberId, MemberState state) {
        members.put(memberId, state);
    }
}
