package coop.plenum.ledger;

import java.time.Instant;

/** A fact: from {@code grantedAt} this account may record revenues. */
public record BookkeepingGranted(LedgerId ledgerId, String accountId, Instant grantedAt) {
}
