package coop.plenum.ledger;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An ACTIVE member logs work, money or resources they contributed, for their peers to evaluate. */
public record LogContribution(@TargetAggregateIdentifier LedgerId ledgerId, ContributionId contributionId, String project,
                              String type, BigDecimal quantity, String description, LocalDate occurredOn) {
}
