package coop.plenum.governance.cooperative.query;

import coop.plenum.governance.charter.Charter;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

@Document("cooperatives")
record CooperativeDocument(@Id String id, String name, Charter charter, Instant foundedAt) {
}
