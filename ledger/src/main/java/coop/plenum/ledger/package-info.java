/**
 * Open value accounting, its own bounded context: contributions, peer evaluations, points per member,
 * revenue distribution and the open book. It knows nothing of proposals; governance-core drives it
 * through policies (member admitted ⇒ contributor registered, charter founded ⇒ rates configured).
 */
package coop.plenum.ledger;
