package coop.plenum.governance.account;

import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The owner gives their account the address password resets are mailed to. Accepting an invitation with a new account
 * sends this with the invited address: that link arrived there, so the address is known to reach its owner.
 */
public record ChangeAccountEmail(@TargetAggregateIdentifier AccountId accountId, String email) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        List<Violation> violations = new ArrayList<>();
        AccountInputRules.email("email", email, violations);
        return violations;
    }
}
