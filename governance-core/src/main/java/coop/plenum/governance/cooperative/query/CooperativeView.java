package coop.plenum.governance.cooperative.query;

import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.ids.CooperativeId;

import java.time.Instant;

/** A cooperative's name and the charter in force. */
public record CooperativeView(CooperativeId cooperativeId, String name, Charter charter, Instant foundedAt) {
}
