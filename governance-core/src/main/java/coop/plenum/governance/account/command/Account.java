package coop.plenum.governance.account.command;

import coop.plenum.governance.account.AccessTokenId;
import coop.plenum.governance.account.AccessTokenIssued;
import coop.plenum.governance.account.AccessTokenRevoked;
import coop.plenum.governance.account.AccountCreated;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.CreateAccount;
import coop.plenum.governance.account.IssueAccessToken;
import coop.plenum.governance.account.RevokeAccessToken;
import coop.plenum.governance.axon.EventMetadata;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A login and its personal access tokens. Creation is decided by {@link CreateAccountHandler}, which also checks
 * username uniqueness; the owner issues and revokes tokens here.
 */
@Aggregate
class Account {

    @AggregateIdentifier
    private AccountId accountId;
    /** Tokens not yet revoked, with their expiry (empty: none). */
    private final Map<AccessTokenId, Optional<Instant>> tokens = new HashMap<>();

    Account() {
        // for Axon's event sourcing
    }

    Account(CreateAccount command, Instant now) {
        command.assertInputValid();
        apply(new AccountCreated(command.accountId(), command.username(), command.displayName().strip(),
                command.passwordHash(), command.operator(), now));
    }

    @EventSourcingHandler
    void on(AccountCreated event) {
        this.accountId = event.accountId();
    }

    @CommandHandler
    void handle(IssueAccessToken command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        Instant now = clock.instant();
        AccessTokenRules.onlyTheOwnerManagesTokens(accountId, actor);
        AccessTokenRules.assertValid(command, now);
        tokenIdIsNew(command.tokenId());
        atMostAHundredLiveTokens(now);
        apply(new AccessTokenIssued(accountId, command.tokenId(), command.name().strip(), command.tokenHash(),
                command.scope(), command.expiresAt(), now));
    }

    @CommandHandler
    void handle(RevokeAccessToken command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        AccessTokenRules.onlyTheOwnerManagesTokens(accountId, actor);
        if (command.tokenId() == null || !tokens.containsKey(command.tokenId())) {
            throw new NotFound("access-token.not-found", "this account has no access token '" + command.tokenId() + "'");
        }
        apply(new AccessTokenRevoked(accountId, command.tokenId(), clock.instant()));
    }

    private void tokenIdIsNew(AccessTokenId tokenId) {
        if (tokenId == null || tokens.containsKey(tokenId)) {
            throw new StateConflict("access-token.id-taken", "the access token id '" + tokenId + "' is taken");
        }
    }

    private void atMostAHundredLiveTokens(Instant now) {
        long live = tokens.values().stream().filter(expiry -> expiry.map(now::isBefore).orElse(true)).count();
        if (live >= AccessTokenRules.MAX_LIVE_TOKENS) {
            throw new StateConflict("access-token.too-many",
                    "an account has at most " + AccessTokenRules.MAX_LIVE_TOKENS + " live access tokens; revoke one first");
        }
    }

    @EventSourcingHandler
    void on(AccessTokenIssued event) {
        tokens.put(event.tokenId(), Optional.ofNullable(event.expiresAt()));
    }

    @EventSourcingHandler
    void on(AccessTokenRevoked event) {
        tokens.remove(event.tokenId());
    }
}
