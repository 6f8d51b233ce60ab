package coop.plenum.governance.cooperative;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.ids.ProposalId;

import java.time.Instant;

/** A fact: an accepted CHARTER_AMENDMENT put this (complete) charter in force from {@code amendedAt}. */
public record CharterAmended(CooperativeId cooperativeId, ProposalId proposalId, Charter charter, Instant amendedAt) {
}
