package coop.plenum.ledger.command;

import coop.plenum.ledger.LedgerFacts;
import coop.plenum.ledger.LedgerFactsSource;
import coop.plenum.ledger.LedgerId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Loads the Ledger aggregate from the event log (locking it for the rest of the unit of work) and answers from it. A
 * cached aggregate behind the log (another node sharing it changed the ledger) fails the unit of work with a
 * {@link ConcurrencyException}, which evicts it, so the command is re-run on fresh facts.
 */
@Component
class RepositoryLedgerFacts implements LedgerFactsSource {

    private final Repository<Ledger> ledgers;
    private final EventStore log;

    RepositoryLedgerFacts(@Qualifier("ledgerRepository") Repository<Ledger> ledgers, EventStore log) {
        this.ledgers = ledgers;
        this.log = log;
    }

    @Override
    public Optional<LedgerFacts> facts(LedgerId ledgerId) {
        try {
            Aggregate<Ledger> ledger = ledgers.load(ledgerId.value());
            long inTheLog = log.lastSequenceNumberFor(ledgerId.value()).orElse(-1L);
            if (ledger.version() != null && ledger.version() < inTheLog) {
                throw new ConcurrencyException("ledger " + ledgerId + " changed on another node (cached at "
                        + ledger.version() + ", " + inTheLog + " in the log)");
            }
            return Optional.of(ledger.invoke(Ledger::facts));
        } catch (AggregateNotFoundException notOpenedYet) {
            return Optional.empty();
        }
    }
}
