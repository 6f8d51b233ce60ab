package coop.plenum.governance.delegation.query;

import coop.plenum.governance.ids.MemberId;

import java.math.BigDecimal;
import java.util.List;

/**
 * One member's delegations seen from both sides: what they delegated; for each topic who represents them (the
 * chain and where it ends) and whom they represent (directly, transitively, and the power they carry); and
 * warnings when their own chain currently ends in a cycle, at a member who is not ACTIVE, or beyond the charter's
 * maximum chain length.
 */
public record DelegationOverview(MemberId memberId, List<DelegationView> mine, List<DelegationView> toMe,
                                 List<TopicView> topics, List<Warning> warnings) {

    public enum Ending {
        /** the member has no delegation for the topic: they vote themselves */
        SELF,
        /** the chain ends at a member who does not delegate further: they represent the member */
        REPRESENTED,
        /** the chain runs into a cycle: nobody at its end votes for them by delegation */
        CYCLE,
        /** the chain reaches a member who is not ACTIVE */
        INACTIVE_MEMBER,
        /** the chain is longer than the charter allows */
        TOO_LONG
    }

    /**
     * @param chain           the member, then each delegate followed for this topic
     * @param representative  where the chain ends (null for a cycle)
     * @param direct          members delegating to this member for the topic
     * @param transitive      members whose chain for the topic reaches this member (direct included), within the limit
     * @param powerCarried    their voting power now, added up
     */
    public record TopicView(String topic, List<MemberId> chain, Ending ending, MemberId representative,
                            List<MemberId> direct, int transitive, BigDecimal powerCarried) {
    }

    public record Warning(String topic, Ending kind, List<MemberId> members, String message) {
    }
}
