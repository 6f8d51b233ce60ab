package coop.plenum.governance.cooperative.command;

import coop.plenum.governance.invitation.InvitationId;
import coop.plenum.governance.invitation.InvitationRules;
import coop.plenum.governance.invitation.InvitationStatus;
import coop.plenum.governance.invitation.Invitee;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import coop.plenum.kernel.Violation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cooperative's invitations, as far as deciding needs them: each one's current token hash, expiry and whether it
 * was used or revoked. Pure (no Axon), so each rule is a named method the aggregate calls.
 */
final class InvitationBook {

    record Entry(String email, String classId, String tokenHash, Instant expiresAt, InvitationStatus recorded) {

        InvitationStatus statusAt(Instant now) {
            return recorded == InvitationStatus.PENDING && !now.isBefore(expiresAt) ? InvitationStatus.EXPIRED : recorded;
        }

        Entry with(InvitationStatus status) {
            return new Entry(email, classId, tokenHash, expiresAt, status);
        }
    }

    private final Map<InvitationId, Entry> entries = new HashMap<>();

    void invited(InvitationId id, String email, String classId, String tokenHash, Instant expiresAt) {
        entries.put(id, new Entry(email, classId, tokenHash, expiresAt, InvitationStatus.PENDING));
    }

    void resent(InvitationId id, String tokenHash, Instant expiresAt) {
        entries.computeIfPresent(id, (k, e) -> new Entry(e.email(), e.classId(), tokenHash, expiresAt, InvitationStatus.PENDING));
    }

    void revoked(InvitationId id) {
        entries.computeIfPresent(id, (k, e) -> e.with(InvitationStatus.REVOKED));
    }

    void accepted(InvitationId id) {
        entries.computeIfPresent(id, (k, e) -> e.with(InvitationStatus.ACCEPTED));
    }

    /** Ids are new, and nobody is invited twice while an earlier invitation of theirs is still usable. */
    void assertNewAndNotPending(List<Invitee> invitees, Instant now) {
        Set<String> pending = new HashSet<>();
        entries.values().stream().filter(e -> e.statusAt(now) == InvitationStatus.PENDING).forEach(e -> pending.add(e.email()));
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < invitees.size(); i++) {
            Invitee invitee = invitees.get(i);
            if (entries.containsKey(invitee.invitationId())) {
                throw new StateConflict("invitation.id-taken", "the invitation id " + invitee.invitationId() + " is taken");
            }
            String email = InvitationRules.normalEmail(invitee.email());
            if (!pending.add(email)) {
                violations.add(new Violation("invitees[" + i + "].email", "invitation.already-pending",
                        email + " already has an invitation that is still valid here (resend or revoke it instead)"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    Entry existing(InvitationId id) {
        Entry entry = id == null ? null : entries.get(id);
        if (entry == null) {
            throw new NotFound("invitation.not-found", "no invitation " + id + " in this cooperative");
        }
        return entry;
    }

    /** Resending and revoking are for invitations nobody has used or revoked; an expired one may be resent. */
    Entry unused(InvitationId id, String action) {
        Entry entry = existing(id);
        if (entry.recorded() != InvitationStatus.PENDING) {
            throw new StateConflict("invitation." + entry.recorded().name().toLowerCase() ,
                    "cannot " + action + " an invitation that was " + entry.recorded().name().toLowerCase());
        }
        return entry;
    }

    /**
     * The link works once, before it expires, and only with the token of the latest sending. A wrong token answers
     * like an unknown invitation, so guessing reveals nothing.
     */
    Entry usable(InvitationId id, String tokenHash, Instant now) {
        Entry entry = entries.get(id);
        if (entry == null || tokenHash == null || !MessageDigest.isEqual(entry.tokenHash().getBytes(StandardCharsets.US_ASCII),
                tokenHash.getBytes(StandardCharsets.US_ASCII))) {
            throw new NotFound("invitation.not-found", "this invitation link is not valid");
        }
        InvitationStatus status = entry.statusAt(now);
        if (status != InvitationStatus.PENDING) {
            throw new StateConflict("invitation." + status.name().toLowerCase(), "this invitation was " + switch (status) {
                case ACCEPTED -> "already used";
                case EXPIRED -> "valid until " + entry.expiresAt() + " and has expired";
                case REVOKED -> "revoked by a secretary";
                case PENDING -> "pending";
            });
        }
        return entry;
    }
}
