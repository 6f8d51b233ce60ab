package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.ProposalId;

import java.util.List;

/**
 * A fact: at close, the counted ballots of a secret vote were opened and published without their members, sorted by
 * receipt tag (random, unrelated to who voted or when). A large vote publishes them in {@code pages} events
 * ({@code page} 1 to {@code pages}), each holding the next run of the sorted list, all before its VotingClosed.
 */
public record SecretBallotsRevealed(ProposalId proposalId, int page, int pages, List<RevealedBallot> ballots) {
}
