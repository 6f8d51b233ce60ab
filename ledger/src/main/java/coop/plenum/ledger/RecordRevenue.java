package coop.plenum.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** A bookkeeper (secretary) records revenue a project earned; it is distributed to the project's contributors at once. */
public record RecordRevenue(@TargetAggregateIdentifier LedgerId ledgerId, RevenueId revenueId, String project,
                            BigDecimal amount, String currency) {
}
