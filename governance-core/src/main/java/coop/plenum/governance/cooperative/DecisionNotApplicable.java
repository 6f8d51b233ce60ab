package coop.plenum.governance.cooperative;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/**
 * A fact the audit should see: an accepted proposal's effect could not be applied because the cooperative had
 * changed since it was proposed (e.g. the applicant withdrew, the member to expel had already left).
 */
public record DecisionNotApplicable(CooperativeId cooperativeId, ProposalId proposalId, String reason, Instant at) {
}
