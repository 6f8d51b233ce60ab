package coop.plenum.governance.account;

import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Someone asked to reset this account's password; {@code tokenHash} is the SHA-256 of the token mailed to the account's
 * address. Anyone may ask (the platform sends it), so only the mailbox's owner can use what it produces.
 */
public record RequestPasswordReset(@TargetAggregateIdentifier AccountId accountId, String tokenHash, Duration validFor)
        implements CheckedCommand {

    public static final Duration LONGEST_VALIDITY = Duration.ofHours(24);

    @Override
    public List<Violation> inputViolations() {
        List<Violation> violations = new ArrayList<>();
        AccountInputRules.tokenHash("tokenHash", tokenHash, violations);
        if (validFor == null || validFor.compareTo(Duration.ofMinutes(5)) < 0 || validFor.compareTo(LONGEST_VALIDITY) > 0) {
            violations.add(new Violation("validFor", "account.reset-validity-out-of-range", "a reset link is valid for 5 minutes to 24 hours"));
        }
        return violations;
    }
}
