package coop.plenum.governance.invitation;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A secretary invites people, each into a stakeholder class; each gets a single-use link valid for {@code validFor}.
 * All or none: one refused invitee refuses the whole request, so a pasted list is never half stored.
 */
public record InviteMembers(@TargetAggregateIdentifier CooperativeId cooperativeId, List<Invitee> invitees,
                            Duration validFor) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        List<Violation> violations = new ArrayList<>();
        if (invitees == null || invitees.isEmpty() || invitees.size() > InvitationRules.MAX_PER_REQUEST) {
            violations.add(new Violation("invitees", "invitation.count-out-of-range",
                    "invite 1 to " + InvitationRules.MAX_PER_REQUEST + " people per request"));
            return violations;
        }
        for (int i = 0; i < invitees.size(); i++) {
            InvitationRules.invitee("invitees[" + i + "]", invitees.get(i), violations);
        }
        InvitationRules.validity(validFor, violations);
        return violations;
    }
}
