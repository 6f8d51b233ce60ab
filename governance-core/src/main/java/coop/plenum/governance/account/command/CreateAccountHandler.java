package coop.plenum.governance.account.command;

import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.CreateAccount;
import coop.plenum.kernel.StateConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Creates accounts. Usernames are unique platform-wide: the registry is checked here, and the login table's
 * primary key backs the check up inside the same PostgreSQL transaction, so two racing requests cannot both win.
 */
@Component
class CreateAccountHandler {

    private final Repository<Account> accounts;
    private final UsernameRegistry usernames;
    private final Clock clock;

    CreateAccountHandler(@Qualifier("accountRepository") Repository<Account> accounts, UsernameRegistry usernames,
                         Clock clock) {
        this.accounts = accounts;
        this.usernames = usernames;
        this.clock = clock;
    }

    @CommandHandler
    AccountId handle(CreateAccount command) throws Exception {
        // bounds first: a username with NUL must never reach the registry's SQL
        command.assertInputValid();
        usernameIsFree(command.username());
        accounts.newInstance(() -> new Account(command, clock.instant()));
        return command.accountId();
    }

    private void usernameIsFree(String username) {
        if (username != null && usernames.isTaken(username)) {
            throw new StateConflict("account.username-taken", "the username '" + username + "' is already taken");
        }
    }
}
