package coop.plenum.governance.notification;

import coop.plenum.governance.ids.ProposalId;

/** Query: the electors of an open vote whose power is not counted now (no ballot, none reached by delegation). */
public record FindNonVoters(ProposalId proposalId) {
}
