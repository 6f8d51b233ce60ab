package coop.plenum.governance.invitation.query;

import coop.plenum.governance.ids.CooperativeId;

/** Query: the cooperative's invitations, newest first (at most {@code limit}). */
public record FindInvitations(CooperativeId cooperativeId, int limit) {
}
