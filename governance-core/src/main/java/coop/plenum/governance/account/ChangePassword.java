package coop.plenum.governance.account;

import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.ArrayList;
import java.util.List;

/** The signed-in owner sets a new password; the API checked the current one before sending this. */
public record ChangePassword(@TargetAggregateIdentifier AccountId accountId, String passwordHash) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        List<Violation> violations = new ArrayList<>();
        AccountInputRules.passwordHash(passwordHash, violations);
        return violations;
    }
}
