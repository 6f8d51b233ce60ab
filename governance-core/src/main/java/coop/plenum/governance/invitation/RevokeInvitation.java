package coop.plenum.governance.invitation;

import coop.plenum.governance.ids.CooperativeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A secretary withdraws an invitation that has not been used; its link stops working. */
public record RevokeInvitation(@TargetAggregateIdentifier CooperativeId cooperativeId, InvitationId invitationId) {
}
