package coop.plenum.governance.account.login;

import coop.plenum.governance.account.AccountCreated;
import coop.plenum.governance.account.AccountEmailChanged;
import coop.plenum.governance.account.AccountProfileChanged;
import coop.plenum.governance.account.PasswordChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Runs in a subscribing processor (see {@code AxonProcessingConfiguration}), i.e. inside the command's own
 * PostgreSQL transaction: a failing insert (duplicate username) rolls the whole command back.
 */
@Component
@ProcessingGroup(AccountLoginProjection.GROUP)
class AccountLoginProjection {

    static final String GROUP = "account-logins";

    private final AccountLogins logins;

    AccountLoginProjection(AccountLogins logins) {
        this.logins = logins;
    }

    @EventHandler
    void on(AccountCreated event) {
        logins.insert(new AccountLogin(event.accountId(), event.username(), event.displayName(),
                event.passwordHash(), event.operator()));
    }

    /** In the command's transaction, like creation: the old password stops working in the instant the new one is stored. */
    @EventHandler
    void on(PasswordChanged event) {
        logins.changePassword(event.accountId(), event.passwordHash());
    }

    /** The name the top bar greets with comes from the login: it follows at once. */
    @EventHandler
    void on(AccountProfileChanged event) {
        logins.changeDisplayName(event.accountId(), event.displayName());
    }

    @EventHandler
    void on(AccountEmailChanged event) {
        logins.changeEmail(event.accountId(), event.email());
    }
}
