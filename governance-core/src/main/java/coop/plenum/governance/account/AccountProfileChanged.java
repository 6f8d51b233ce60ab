package coop.plenum.governance.account;

import java.time.Instant;

/** A fact: the account's owner set their display name, IANA time zone and language. */
public record AccountProfileChanged(AccountId accountId, String displayName, String timeZone, String language,
                                    Instant changedAt) {
}
