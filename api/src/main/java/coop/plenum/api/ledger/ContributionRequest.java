package coop.plenum.api.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code POST …/contributions}: what was contributed, to which project, when. */
record ContributionRequest(String project, String type, BigDecimal quantity, String description, LocalDate occurredOn) {
}
