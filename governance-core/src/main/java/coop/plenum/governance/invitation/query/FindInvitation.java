package coop.plenum.governance.invitation.query;

import coop.plenum.governance.invitation.InvitationId;

/** Query: one invitation by id (empty when unknown). */
public record FindInvitation(InvitationId invitationId) {
}
