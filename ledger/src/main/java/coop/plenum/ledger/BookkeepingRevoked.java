package coop.plenum.ledger;

import java.time.Instant;

/** A fact: from {@code revokedAt} this account no longer records revenues. */
public record BookkeepingRevoked(LedgerId ledgerId, String accountId, Instant revokedAt) {
}
