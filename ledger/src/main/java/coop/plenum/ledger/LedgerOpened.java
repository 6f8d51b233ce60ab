package coop.plenum.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A fact: a cooperative's ledger opened under this value equation, with these ACTIVE contributors and bookkeepers. */
public record LedgerOpened(LedgerId ledgerId, ValueEquation equation, List<Contributor> contributors,
                           Set<String> bookkeeperAccountIds, Instant openedAt) {
}
