package coop.plenum.governance.invitation;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A fact: the invitation got a new token and expiry; the token it had before no longer works. */
public record InvitationResent(CooperativeId cooperativeId, InvitationId invitationId, String tokenHash,
                               Instant expiresAt, AccountId resentBy, Instant resentAt) {
}
