package coop.plenum.governance.invitation;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A secretary sends an invitation again with a fresh token; the old link stops working. */
public record ResendInvitation(@TargetAggregateIdentifier CooperativeId cooperativeId, InvitationId invitationId,
                               String tokenHash, Duration validFor) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        List<Violation> violations = new ArrayList<>();
        InvitationRules.id("invitationId", invitationId, violations);
        InvitationRules.tokenHash("tokenHash", tokenHash, violations);
        InvitationRules.validity(validFor, violations);
        return violations;
    }
}
