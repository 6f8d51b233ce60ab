package coop.plenum.governance.proposal.query;

import coop.plenum.governance.ids.CooperativeId;

/**
 * A cooperative's open votes (soonest closing first) and its latest decisions (newest first, at most
 * {@link VoteAgenda#RECENT_DECISIONS}), read by key: the cost follows the open votes, never the proposal history.
 */
public record FindVoteAgenda(CooperativeId cooperativeId) {
}
