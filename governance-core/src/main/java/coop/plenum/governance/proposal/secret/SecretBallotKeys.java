package coop.plenum.governance.proposal.secret;

import coop.plenum.governance.ids.ProposalId;

import java.util.Optional;

/**
 * The per-vote keys of secret votes, kept OUTSIDE the event log so that destroying one makes every sealed ballot of
 * its vote unreadable for good (crypto-shredding), while the log itself stays append-only. The proposal aggregate
 * receives this as a command-handler parameter: it creates the key when a secret vote opens, seals ballots with it,
 * and destroys it when it reveals them at close.
 */
public interface SecretBallotKeys {

    /** Creates and stores the vote's key unless it has one; returns the key now stored. */
    byte[] create(ProposalId proposalId);

    /** The vote's key, or empty once it was destroyed (or never made). */
    Optional<byte[]> key(ProposalId proposalId);

    /** Destroys the vote's key; destroying again (or a key never made) changes nothing. */
    void destroy(ProposalId proposalId);
}
