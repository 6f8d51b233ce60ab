package coop.plenum.api.support;

import coop.plenum.governance.account.AccountId;

/** Who is calling, for the audit metadata of the commands a request sends. */
public record Caller(AccountId accountId, String correlationId) {
}
