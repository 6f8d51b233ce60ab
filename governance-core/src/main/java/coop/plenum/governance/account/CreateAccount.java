package coop.plenum.governance.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a login for a person. Only the bcrypt hash of the password ever enters the system: the API hashes
 * before it sends this command, so no plaintext reaches the command bus or the event log.
 */
public record CreateAccount(@TargetAggregateIdentifier AccountId accountId,
                            String username,
                            String displayName,
                            String passwordHash,
                            boolean operator) {
}
