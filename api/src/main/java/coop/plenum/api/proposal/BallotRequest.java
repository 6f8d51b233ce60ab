package coop.plenum.api.proposal;

import coop.plenum.governance.tally.Choice;

/** {@code PUT …/ballots/{m}}: YES, NO or ABSTAIN. */
public record BallotRequest(Choice choice) {
}
