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
import coop.plenum.governance.account.AccountEmailChanged;
import coop.plenum.governance.account.AccountInputRules;
import coop.plenum.governance.account.AccountProfileChanged;
import coop.plenum.governance.account.ChangeAccountEmail;
import coop.plenum.governance.account.ChangeAccountProfile;
import coop.plenum.governance.account.ChangePassword;
import coop.plenum.governance.account.PasswordChanged;
import coop.plenum.governance.account.PasswordResetRequested;
import coop.plenum.governance.account.RequestPasswordReset;
import coop.plenum.governance.account.ResetPassword;
import coop.plenum.kernel.NotAllowed;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.StateConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    /** The latest reset link's token hash and expiry; null once used or replaced by a new password. */
    private String resetTokenHash;
    private Instant resetExpiresAt;

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

    @CommandHandler
    void handle(ChangeAccountEmail command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        command.assertInputValid();
        onlyTheOwner(actor);
        apply(new AccountEmailChanged(accountId, AccountInputRules.normalEmail(command.email()), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeAccountProfile command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        command.assertInputValid();
        onlyTheOwner(actor);
        apply(new AccountProfileChanged(accountId, command.displayName().strip(), command.timeZone(), command.language(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RequestPasswordReset command, Clock clock) {
        // anyone may ask: the link goes only to the account's own address, and the edge throttles asking
        command.assertInputValid();
        Instant now = clock.instant();
        apply(new PasswordResetRequested(accountId, command.tokenHash(), now.plus(command.validFor()), now));
    }

    @CommandHandler
    void handle(ResetPassword command, Clock clock) {
        command.assertInputValid();
        Instant now = clock.instant();
        aResetLinkWorksOnceBeforeItExpires(command.tokenHash(), now);
        apply(new PasswordChanged(accountId, command.passwordHash(), PasswordChanged.How.RESET, now));
    }

    @CommandHandler
    void handle(ChangePassword command, @MetaDataValue(EventMetadata.ACTOR) String actor, Clock clock) {
        command.assertInputValid();
        onlyTheOwner(actor);
        apply(new PasswordChanged(accountId, command.passwordHash(), PasswordChanged.How.CHANGED, clock.instant()));
    }

    private void onlyTheOwner(String actor) {
        if (actor == null || !actor.equals(accountId.value())) {
            throw new NotAllowed("account.owner-only", "only the account's owner may change this");
        }
    }

    /** Only the latest link counts; a wrong, used or expired token answers the same, so nothing is learnt by trying. */
    private void aResetLinkWorksOnceBeforeItExpires(String tokenHash, Instant now) {
        boolean matches = resetTokenHash != null && tokenHash != null && MessageDigest.isEqual(
                resetTokenHash.getBytes(StandardCharsets.US_ASCII), tokenHash.getBytes(StandardCharsets.US_ASCII));
        if (!matches || !now.isBefore(resetExpiresAt)) {
            throw new StateConflict("account.reset-link-invalid",
                    "this reset link is not valid any more (used, replaced by a newer one, or expired): ask for a new one");
        }
    }

    @EventSourcingHandler
    void on(PasswordResetRequested event) {
        resetTokenHash = event.tokenHash();
        resetExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(PasswordChanged event) {
        // a new password, however set, ends every reset link asked for before it
        resetTokenHash = null;
        resetExpiresAt = null;
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
