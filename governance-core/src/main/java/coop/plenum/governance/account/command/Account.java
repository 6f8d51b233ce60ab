package coop.plenum.governance.account.command;

import coop.plenum.governance.account.AccountCreated;
import coop.plenum.governance.account.AccountId;
import coop.plenum.governance.account.CreateAccount;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

/** A login. Creation is decided by {@link CreateAccountHandler}, which also checks username uniqueness. */
@Aggregate
class Account {

    @AggregateIdentifier
    private AccountId accountId;

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
}
