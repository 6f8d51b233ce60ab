package coop.plenum.governance.tally;

import coop.plenum.governance.membership.MemberId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A member's power counts only with their own ballot; members who cast none are not counted. */
public final class DirectBallotsOnly implements VoteResolution {

    @Override
    public List<CountedVote> resolve(Electorate electorate, Map<MemberId, Choice> ballots) {
        List<CountedVote> counted = new ArrayList<>();
        for (Voter voter : electorate.voters()) {
            Choice choice = ballots.get(voter.memberId());
            if (choice != null) {
                counted.add(CountedVote.direct(voter, choice));
            }
        }
        return counted;
    }
}
