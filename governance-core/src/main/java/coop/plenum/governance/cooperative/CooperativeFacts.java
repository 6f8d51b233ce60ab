package coop.plenum.governance.cooperative;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.MemberId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What other features' command handlers may ask of a cooperative, answered from its event-sourced state (strongly
 * consistent, never a read model). "As of T" means every event whose timestamp is at most T.
 */
public interface CooperativeFacts {

    CooperativeId cooperativeId();

    /** The charter in force at the instant. */
    Charter charterAsOf(Instant instant);

    /** The charter in force now: the latest adopted. */
    Charter charterInForce();

    /** The account's membership if it is ACTIVE now. */
    Optional<MemberId> activeMembershipOf(AccountId accountId);

    boolean isSecretary(AccountId accountId);

    /** The membership's current status, if the cooperative has such a membership. */
    Optional<coop.plenum.governance.membership.MemberStatus> statusOf(MemberId memberId);

    /** The membership's account, whatever its status, if the cooperative has such a membership. */
    Optional<AccountId> accountOf(MemberId memberId);

    /**
     * Who delegated to whom, per topic and globally, as of the instant: the changes recorded in the cooperative's own
     * stream and in its delegation register, in log order ({@code delegation.DelegationStreams}).
     */
    coop.plenum.governance.voting.Delegations delegationsAsOf(Instant instant);

    /**
     * The delegation changes recorded in the cooperative's own stream, in log order: those decided before delegations
     * moved to the cooperative's register. None is ever added.
     */
    List<coop.plenum.governance.voting.DelegationTimeline.Change> delegationsInTheCooperativeStream();

    /** Every member ACTIVE as of the instant, with their class then, in membership order. */
    List<Elector> electorateAsOf(Instant instant);
}
