package coop.plenum.governance.account.login;

import coop.plenum.governance.account.AccessTokenIssued;
import coop.plenum.governance.account.AccessTokenRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Subscribes with the login table (same processing group), inside the command's own PostgreSQL transaction: a token
 * is usable exactly when its {@code AccessTokenIssued} is stored, and unusable once {@code AccessTokenRevoked} is.
 */
@Component
@ProcessingGroup(AccountLoginProjection.GROUP)
class AccessTokenTableProjection {

    private final AccessTokens tokens;

    AccessTokenTableProjection(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @EventHandler
    void on(AccessTokenIssued event) {
        tokens.insert(event);
    }

    @EventHandler
    void on(AccessTokenRevoked event) {
        tokens.delete(event.accountId(), event.tokenId());
    }
}
