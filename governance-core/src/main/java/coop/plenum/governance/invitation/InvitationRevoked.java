package coop.plenum.governance.invitation;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: a secretary withdrew an unused invitation; its link no longer works. */
public record InvitationRevoked(CooperativeId cooperativeId, InvitationId invitationId, AccountId revokedBy,
                                Instant revokedAt) {
}
