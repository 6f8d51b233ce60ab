package coop.plenum.governance.calendar;

import coop.plenum.governance.account.AccountId;

import java.time.Instant;

/**
 * A fact: the account got a private calendar feed URL (the first, or a regenerated one that replaces the last, which
 * stops working). It carries the SHA-256 of the URL's token, never the token.
 */
public record CalendarFeedIssued(String feedId, AccountId accountId, String tokenHash, Instant issuedAt) {
}
