package coop.plenum.governance.account;

import coop.plenum.kernel.CheckedCommand;
import coop.plenum.kernel.Texts;
import coop.plenum.kernel.Violation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The owner sets how they are named and how times and words are shown to them: an IANA time zone (e.g.
 * {@code Europe/Madrid}) and a language Plenum supports.
 */
public record ChangeAccountProfile(@TargetAggregateIdentifier AccountId accountId, String displayName, String timeZone,
                                   String language) implements CheckedCommand {

    /** The languages Plenum's texts may be shown in (issue 14 will translate; today they are stored and shown). */
    public static final Set<String> LANGUAGES = Set.of("en", "es", "de");

    @Override
    public List<Violation> inputViolations() {
        List<Violation> violations = new ArrayList<>();
        Texts.required("displayName", displayName, AccountInputRules.MAX_DISPLAY_NAME, Texts.Lines.ONE, "account.display-name-invalid",
                "displayName must be 1 to " + AccountInputRules.MAX_DISPLAY_NAME + " characters", violations);
        if (timeZone == null || timeZone.length() > 64 || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            violations.add(new Violation("timeZone", "account.time-zone-unknown", "timeZone is an IANA time zone such as Europe/Madrid"));
        }
        if (language == null || !LANGUAGES.contains(language)) {
            violations.add(new Violation("language", "account.language-unsupported", "language is one of " + String.join(", ",
                    LANGUAGES.stream().sorted().toList())));
        }
        return violations;
    }
}
