package coop.plenum.governance.account;

import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.ArrayList;
import java.util.List;

/** The holder of a reset link sets a new password (bcrypt hash, made by the API). */
public record ResetPassword(@TargetAggregateIdentifier AccountId accountId, String tokenHash, String passwordHash)
        implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        List<Violation> violations = new ArrayList<>();
        AccountInputRules.tokenHash("token", tokenHash, violations);
        AccountInputRules.passwordHash(passwordHash, violations);
        return violations;
    }
}
