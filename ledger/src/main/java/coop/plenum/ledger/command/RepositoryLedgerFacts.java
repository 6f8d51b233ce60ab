package coop.plenum.ledger.command;

import coop.plenum.ledger.LedgerFacts;
import coop.plenum.ledger.LedgerFactsSource;
import coop.plenum.ledger.LedgerId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Loads the Ledger aggregate from the event log (locking it for the rest of the unit of work) and answers from it. */
@Component
class RepositoryLedgerFacts implements LedgerFactsSource {

    private final Repository<Ledger> ledgers;

    RepositoryLedgerFacts(@Qualifier("ledgerRepository") Repository<Ledger> ledgers) {
        this.ledgers = ledgers;
    }

    @Override
    public Optional<LedgerFacts> facts(LedgerId ledgerId) {
        try {
            return Optional.of(ledgers.load(ledgerId.value()).invoke(Ledger::facts));
        } catch (AggregateNotFoundException notOpenedYet) {
            return Optional.empty();
        }
    }
}
