package coop.plenum.governance.invitation;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.ArrayList;
import java.util.List;

/**
 * An account uses an invitation's link: {@code tokenHash} is the SHA-256 of the token the link carried, and the
 * account (the caller) joins under {@code memberId} in the invited class.
 */
public record AcceptInvitation(@TargetAggregateIdentifier CooperativeId cooperativeId, InvitationId invitationId,
                               String tokenHash, AccountId accountId, MemberId memberId) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        List<Violation> violations = new ArrayList<>();
        InvitationRules.id("invitationId", invitationId, violations);
        InvitationRules.tokenHash("token", tokenHash, violations);
        return violations;
    }
}
