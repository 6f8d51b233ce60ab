package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/**
 * A fact: a member of the electorate voted in a secret vote (replacing any earlier ballot of theirs). Who voted and
 * when is public (quorum needs it); {@code sealed} is the ballot and the voter's receipt tag, padded to one length
 * for the whole vote and encrypted (AES-256-GCM, base64 of nonce and ciphertext) under the vote's key, which is
 * kept outside the log and destroyed at close: after close nothing stored opens it.
 */
public record SecretBallotCast(ProposalId proposalId, MemberId memberId, Instant castAt, String sealed) {
}
