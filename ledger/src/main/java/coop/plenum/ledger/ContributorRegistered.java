package coop.plenum.ledger;

import java.time.Instant;

/** A fact: this member (acting through this account) is an ACTIVE contributor from {@code registeredAt}. */
public record ContributorRegistered(LedgerId ledgerId, ContributorId contributorId, String accountId, Instant registeredAt) {
}
