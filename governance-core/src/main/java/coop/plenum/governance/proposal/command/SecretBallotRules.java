package coop.plenum.governance.proposal.command;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;
import coop.plenum.governance.options.ConsentChoice;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.options.VoteMethod;
import coop.plenum.governance.proposal.CastBallot;
import coop.plenum.governance.proposal.ElectorateMember;
import coop.plenum.governance.proposal.RevealedBallot;
import coop.plenum.governance.proposal.SecretBallotCast;
import coop.plenum.governance.proposal.Secrecy;
import coop.plenum.governance.proposal.secret.ReceiptTags;
import coop.plenum.governance.proposal.secret.SealedBallots;
import coop.plenum.governance.proposal.secret.SecretBallotBody;
import coop.plenum.governance.proposal.secret.SecretBallotKeys;
import coop.plenum.governance.proposal.secret.SecretReveal;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.StateConflict;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** SPEC "secrecy: SECRET": the rules of a secret vote that the Proposal aggregate applies, each named. */
final class SecretBallotRules {

    private static final SecureRandom NONCES = new SecureRandom();

    private SecretBallotRules() {
    }

    /**
     * The proposal's own secrecy, else its kind's default: votes about people (ADMISSION, EXPULSION) are SECRET unless
     * the charter says otherwise ({@code secretPeopleVotes: false}); every other vote is OPEN.
     */
    static Secrecy secrecyOf(coop.plenum.governance.proposal.SubmitProposal command, coop.plenum.governance.charter.Charter charter) {
        if (command.secrecy() != null) {
            return command.secrecy();
        }
        boolean aboutPeople = command.kind() == coop.plenum.governance.proposal.ProposalKind.ADMISSION
                || command.kind() == coop.plenum.governance.proposal.ProposalKind.EXPULSION;
        return aboutPeople && charter.peopleVotesAreSecret() ? Secrecy.SECRET : Secrecy.OPEN;
    }

    /** SECRET is recorded; OPEN is what an absent secrecy means, so open proposals' events read as before. */
    static Secrecy pinned(Secrecy secrecy) {
        return secrecy == Secrecy.SECRET ? secrecy : null;
    }

    /** The member's ballot sealed under the vote's key with their receipt tag, padded to the vote's one length. */
    static SecretBallotCast sealed(ProposalId proposalId, MemberId memberId, VoteMethod method, List<ProposalOption> options,
                                   CastBallot command, Instant castAt, SecretBallotKeys keys) {
        aSecretBallotCarriesAReceiptTag(command.receiptTag());
        aSecretBallotCarriesNoReasonButAnObjections(method, command.consent(), command.reason());
        byte[] key = keys.key(proposalId).orElseThrow(() -> new StateConflict("ballot.secret-key-missing",
                "this secret vote has lost its key; it cannot take ballots"));
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        SecretBallotBody body = new SecretBallotBody(command.receiptTag(), command.choice(),
                command.approve() == null ? null : List.copyOf(command.approve()),
                command.scores() == null ? null : new java.util.TreeMap<>(command.scores()), command.consent(), reason,
                command.ranking() == null ? null : command.ranking().stream().map(List::copyOf).toList());
        return new SecretBallotCast(proposalId, memberId, castAt,
                SealedBallots.seal(key, proposalId, memberId, SealedBallots.paddedLength(method, options), body, NONCES));
    }

    /** The tag is computed from the voter's receipt secret before the command (the secret never reaches here). */
    static void aSecretBallotCarriesAReceiptTag(String receiptTag) {
        if (!ReceiptTags.isWellFormedTag(receiptTag)) {
            throw new InvalidInput("receiptTag", "ballot.receipt-tag-invalid",
                    "a secret ballot carries its receipt tag: 64 lowercase hexadecimal characters");
        }
    }

    /**
     * A reason in one's own words could name the voter once revealed: a secret ballot has none, except the reason a
     * CONSENT objection needs (revealed with it, anonymously). A consent or a stand-aside needs none, so it may carry
     * none: revealed, its reason would be the same risk with no count that needs it.
     */
    static void aSecretBallotCarriesNoReasonButAnObjections(VoteMethod method, ConsentChoice consent, String reason) {
        boolean objection = method == VoteMethod.CONSENT && consent == ConsentChoice.OBJECT;
        if (!objection && reason != null && !reason.isBlank()) {
            throw new InvalidInput("reason", "ballot.secret-reason",
                    method == VoteMethod.CONSENT ? "in a secret vote only an objection carries a reason"
                            : "a secret ballot carries no reason");
        }
    }

    /** Opens every last sealed ballot; a vote that took ballots but lost its key cannot be counted. */
    static List<RevealedBallot> reveal(ProposalId proposalId, Map<MemberId, String> sealed,
                                       Map<MemberId, ElectorateMember> electorate, SecretBallotKeys keys) {
        if (sealed.isEmpty()) {
            return List.of();
        }
        byte[] key = keys.key(proposalId).orElseThrow(() -> new StateConflict("proposal.secret-key-missing",
                "this secret vote's key is gone; its sealed ballots cannot be opened"));
        return SecretReveal.reveal(key, proposalId, sealed, electorate);
    }
}
