package coop.plenum.governance.notification;

import coop.plenum.governance.ids.ProposalId;

/**
 * Query: how many of a vote's electors have a ballot of their own standing now (or at closing), of how many; nothing
 * for a vote not opened. Reads the vote's electors through their index by proposal: the cost of one electorate.
 */
public record FindTurnout(ProposalId proposalId) {
}
