package coop.plenum.governance.notification;

import coop.plenum.governance.ids.MemberId;

/**
 * A member's standing in a vote (see {@link FindVoteStanding}). {@code carriedBy}: the member whose ballot counts this
 * member's power through their delegation chain (docs/delegation.md), or null when nobody's does (or they voted).
 */
public record VoteStanding(boolean elector, boolean voted, MemberId carriedBy) {

    public static final VoteStanding OUTSIDE = new VoteStanding(false, false, null);

    /** In the electorate and without a ballot of their own: the vote waits for them (even when a delegate's counts). */
    public boolean waiting() {
        return elector && !voted;
    }
}
