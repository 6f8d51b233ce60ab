package coop.plenum.ledger.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** The ids of a ledger's PENDING contributions ({@code id}: the ledger), in the order they were logged. */
@Document("ledger_pending")
record PendingContributionsDocument(@Id String id, List<String> contributionIds) {
}
