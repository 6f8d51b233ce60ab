package coop.plenum.governance.invitation;

import coop.plenum.governance.account.AccountInputRules;
import coop.plenum.kernel.Ids;
import coop.plenum.kernel.Slugs;
import coop.plenum.kernel.Violation;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an invitation must look like, stateless: the API checks it before anything is looked up, the cooperative
 * checks it again before anything is stored.
 */
public final class InvitationRules {

    /** One request invites at most this many people: a co-op's whole member list, not a mailing campaign. */
    public static final int MAX_PER_REQUEST = 500;
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);
    public static final Duration SHORTEST_VALIDITY = Duration.ofHours(1);
    public static final Duration LONGEST_VALIDITY = Duration.ofDays(30);
    public static final int MAX_EMAIL = AccountInputRules.MAX_EMAIL;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private InvitationRules() {
    }

    /** The address as stored and compared: stripped and lowercased, so one person is not invited twice by case. */
    public static String normalEmail(String email) {
        return AccountInputRules.normalEmail(email);
    }

    public static boolean isEmail(String email) {
        return AccountInputRules.isEmail(email);
    }

    static void invitee(String prefix, Invitee invitee, List<Violation> violations) {
        if (invitee == null) {
            violations.add(new Violation(prefix, "invitation.invitee-missing", "each invitee has an email and a classId"));
            return;
        }
        if (invitee.invitationId() == null) {
            violations.add(new Violation(prefix + ".invitationId", "invitation.id-missing", "each invitation has an id"));
        }
        if (!isEmail(normalEmail(invitee.email()))) {
            violations.add(new Violation(prefix + ".email", "invitation.email-invalid",
                    "email must be an address like name@example.coop (at most " + MAX_EMAIL + " characters)"));
        }
        if (!Slugs.isSlug(invitee.classId())) {
            violations.add(new Violation(prefix + ".classId", "invitation.class-invalid", "classId is one of the charter's stakeholder classes (a slug)"));
        }
        tokenHash(prefix + ".tokenHash", invitee.tokenHash(), violations);
    }

    static void tokenHash(String field, String tokenHash, List<Violation> violations) {
        if (tokenHash == null || !SHA256_HEX.matcher(tokenHash).matches()) {
            violations.add(new Violation(field, "invitation.token-hash-invalid", "the token is stored as its SHA-256 in lowercase hex"));
        }
    }

    static void validity(Duration validFor, List<Violation> violations) {
        if (validFor == null || validFor.compareTo(SHORTEST_VALIDITY) < 0 || validFor.compareTo(LONGEST_VALIDITY) > 0) {
            violations.add(new Violation("validForDays", "invitation.validity-out-of-range",
                    "an invitation is valid for 1 hour to " + LONGEST_VALIDITY.toDays() + " days"));
        }
    }

    static void id(String field, InvitationId id, List<Violation> violations) {
        if (id == null) {
            violations.add(new Violation(field, "invitation.id-missing", "the invitation id is required"));
        } else {
            Ids.wellFormed(field, id.value(), violations);
        }
    }
}
