package coop.plenum.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Set;

/** Open a cooperative's ledger with its value equation, its first contributors and who keeps the books. */
public record OpenLedger(@TargetAggregateIdentifier LedgerId ledgerId, ValueEquation equation, List<Contributor> contributors,
                         Set<String> bookkeeperAccountIds) {
}
