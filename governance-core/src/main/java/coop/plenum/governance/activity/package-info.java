/**
 * A cooperative's activity timeline (issue 14): who did what, when, as entries built from the events by
 * {@code query.ActivityProjection}. Ballot contents never appear (of a secret vote only that a member took part);
 * ballots of votes that hide them until closing do not appear at all.
 */
package coop.plenum.governance.activity;
