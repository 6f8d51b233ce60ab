package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/**
 * A fact: after the vote closed, the proposal's author recorded an outcome statement (what the cooperative makes of
 * the result, what happens next). A later one replaces it on the proposal's page; every version stays here.
 * {@code recordedBy} is the author's member id (the metadata's {@code actor} names their account).
 */
public record OutcomeStatementRecorded(ProposalId proposalId, CooperativeId cooperativeId, String statement,
                                       MemberId recordedBy, Instant recordedAt) {
}
