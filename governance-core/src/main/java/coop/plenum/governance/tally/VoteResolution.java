package coop.plenum.governance.tally;

import coop.plenum.governance.membership.MemberId;

import java.util.List;
import java.util.Map;

/**
 * Decides, for each electorate member, with which choice their power is counted, if at all. Whatever else a
 * resolution needs (delegations as of closing, the proposal's topic, the maximum chain length) it takes when it is
 * constructed, so that every resolution fits {@link TallyEngine} the same way.
 */
public interface VoteResolution {

    /**
     * At most one {@link CountedVote} per electorate member, carrying that member's own class and power. Ballots of
     * members outside the electorate are ignored.
     */
    List<CountedVote> resolve(Electorate electorate, Map<MemberId, Choice> ballots);
}
