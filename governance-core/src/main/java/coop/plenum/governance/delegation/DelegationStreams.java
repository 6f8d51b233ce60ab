package coop.plenum.governance.delegation;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.DelegationTimeline;
import coop.plenum.governance.voting.DelegationTimeline.Change;
import coop.plenum.governance.voting.Delegations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The two streams a cooperative's delegation changes are recorded in, and the one order every reader puts them in.
 * <p>
 * Until issue 12, {@link VoteDelegated} and {@link DelegationRevoked} were recorded in the cooperative's own stream
 * (the Cooperative aggregate decided them); since, its delegation register (aggregate type
 * {@value #REGISTER_AGGREGATE_TYPE}, id {@code delegations-{cooperativeId}}) decides and records them, so a busy
 * delegation day no longer contends with admissions and charter work. Events are never rewritten, so a cooperative
 * older than the register keeps its first changes in its own stream. Nothing records a delegation change in a
 * cooperative's stream any more, so every change there precedes the register's first in the log: <b>the cooperative
 * stream's changes, then the register's</b> is log order, the order "as of T" folds them in ({@link DelegationTimeline}).
 * <p>
 * The readers: the register deciding (the delegate in force before a change), the Proposal freezing
 * {@code DelegationsFrozen} at closing (through {@code CooperativeFacts.delegationsAsOf}), and the delegation read
 * model, whose stored changes are ordered by {@link #position} (live tallies, {@code ?asOf=}, provenance).
 */
public final class DelegationStreams {

    /** The register's aggregate type, as the event log stores it. */
    public static final String REGISTER_AGGREGATE_TYPE = "DelegationRegister";
    private static final String REGISTER_PREFIX = "delegations-";
    /**
     * Read-model positions of the register's changes start here: above any sequence number a cooperative's own stream
     * reaches (it would take 10^12 events), so legacy changes keep the positions they were stored with.
     */
    static final long FIRST_REGISTER_POSITION = 1L << 40;

    private DelegationStreams() {
    }

    /** The register's aggregate id: derived from the cooperative's, with a prefix of its own (ids share one namespace in the log). */
    public static String registerId(CooperativeId cooperativeId) {
        return REGISTER_PREFIX + cooperativeId.value();
    }

    /** The cooperative a register id belongs to. */
    public static String cooperativeOfRegister(String registerId) {
        return registerId.startsWith(REGISTER_PREFIX) ? registerId.substring(REGISTER_PREFIX.length()) : registerId;
    }

    /** Both streams' changes in log order: the cooperative stream's, then the register's. */
    public static List<Change> inLogOrder(List<Change> cooperativeStream, List<Change> register) {
        List<Change> all = new ArrayList<>(cooperativeStream.size() + register.size());
        all.addAll(cooperativeStream);
        all.addAll(register);
        return all;
    }

    /** Who delegated to whom as of the instant, from both streams. */
    public static Delegations asOf(List<Change> cooperativeStream, List<Change> register, Instant instant) {
        return DelegationTimeline.asOf(inLogOrder(cooperativeStream, register), instant);
    }

    /**
     * The delegate in force now for one delegator and scope (null: none), after both streams: the register's last
     * change for them if it has one, else the cooperative stream's.
     */
    public static MemberId delegateInForce(List<Change> cooperativeStream, DelegationTimeline register, MemberId delegator,
                                           String scope) {
        if (register.hasChanged(delegator, scope)) {
            return register.inForce(delegator, scope);
        }
        for (int i = cooperativeStream.size() - 1; i >= 0; i--) {
            Change change = cooperativeStream.get(i);
            if (change.delegator().equals(delegator) && Objects.equals(change.scope(), scope)) {
                return change.delegateOrNull();
            }
        }
        return null;
    }

    /**
     * A change's position among its cooperative's delegation changes, for a read model that stores them one by one:
     * its sequence number in the cooperative's stream, or {@link #FIRST_REGISTER_POSITION} plus its sequence number in
     * the register's. Sorting by it is log order, whichever order the changes were projected in.
     */
    public static long position(String aggregateType, long sequenceNumber) {
        return REGISTER_AGGREGATE_TYPE.equals(aggregateType) ? FIRST_REGISTER_POSITION + sequenceNumber : sequenceNumber;
    }
}
