package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.ids.MemberId;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fact: when voting closed at {@code asOf}, these were the electorate members' delegations for the proposal's
 * topic (topic delegations overriding global ones), the ones the final tally follows (SPEC: "delegations are read
 * as of closing"). Recorded so that a replay, an audit or a member asking how their vote was counted never needs
 * to reconstruct them.
 */
public record DelegationsFrozen(ProposalId proposalId, Instant asOf, List<Delegation> delegations) {

    /** {@code memberId} delegated to {@code delegateId} (who may be outside the electorate). */
    public record Delegation(MemberId memberId, MemberId delegateId) {
    }

    public DelegationsFrozen {
        delegations = delegations == null ? List.of() : List.copyOf(delegations);
    }

    public Map<MemberId, MemberId> asMap() {
        Map<MemberId, MemberId> map = new HashMap<>();
        delegations.forEach(d -> map.put(d.memberId(), d.delegateId()));
        return map;
    }
}
