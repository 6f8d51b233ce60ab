package coop.plenum.governance.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The secondary indexes of the read models: every field a query selects a cooperative's (or a ledger's, or an
 * account's) documents by, so that a query reads that cooperative's documents rather than every cooperative's,
 * on an external MongoDB and on the embedded server alike. Created at start and again after a read model is
 * reset (its reset handler drops its collections, indexes included); creating an index that exists is a no-op.
 */
@Component
class ReadModelIndexes {

    private static final Logger log = LoggerFactory.getLogger(ReadModelIndexes.class);

    record Field(String collection, String name) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("members", "cooperativeId"),
            new Field("seats", "cooperativeId"),
            new Field("seats", "accountId"),
            new Field("proposals", "cooperativeId"),
            new Field("delegations", "cooperativeId"),
            new Field("delegation_changes", "cooperativeId"),
            new Field("ledger_contributions", "ledgerId"),
            new Field("ledger_revenues", "ledgerId"),
            new Field("ledger_budget_allocations", "ledgerId"),
            new Field("member_proposal_ballots", "memberId"),
            new Field("notifications", "accountId"),
            new Field("notification_electors", "proposalId"),
            new Field("notification_delegations", "cooperativeId"),
            new Field("activity", "cooperativeId"));

    private final MongoClient mongo;
    private final ReadModelDatabase database;

    ReadModelIndexes(MongoClient mongo, ReadModelDatabase database) {
        this.mongo = mongo;
        this.database = database;
    }

    void ensure() {
        MongoDatabase readModels = mongo.getDatabase(database.name());
        for (Field field : FIELDS) {
            readModels.getCollection(field.collection()).createIndex(Indexes.ascending(field.name()));
        }
        log.debug("Read-model indexes in place: {}", FIELDS);
    }
}
