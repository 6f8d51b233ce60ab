package coop.plenum.governance.invitation;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;

import java.time.Instant;

/**
 * A fact: an account used the invitation; it is followed in the same stream by that account's
 * {@code MembershipApplied} under {@code memberId} (and {@code MemberAdmitted} when a secretary admits).
 */
public record InvitationAccepted(CooperativeId cooperativeId, InvitationId invitationId, AccountId accountId,
                                 MemberId memberId, Instant acceptedAt) {
}
