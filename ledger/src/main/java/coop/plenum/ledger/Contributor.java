package coop.plenum.ledger;

/** A contributor as a ledger opens with it: the member and the account that acts for them. */
public record Contributor(ContributorId contributorId, String accountId) {
}
