package coop.plenum.governance.account;

import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Open a login for a person. Only the bcrypt hash of the password ever enters the system: the API hashes
 * before it sends this command, so no plaintext reaches the command bus or the event log.
 */
public record CreateAccount(@TargetAggregateIdentifier AccountId accountId,
                            String username,
                            String displayName,
                            String passwordHash,
                            boolean operator) implements CheckedCommand {

    @Override
    public List<Violation> inputViolations() {
        return AccountInputRules.account(this);
    }
}
