package coop.plenum.governance.axon;

import coop.plenum.governance.storage.StorageConfiguration.ReadModelDatabase;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.lifecycle.Phase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Rebuilds, at start and before any processor runs, each read model whose projection declares a newer
 * {@link ReadModelLayout} than the one its documents were written in. The layout each read model is in is kept
 * in the read-model database itself ({@code readmodel_layouts}), next to the documents and tokens it describes.
 * A read model with no record is either new (no token yet: it is built from the log anyway, in the current
 * layout) or written before layouts were recorded (version 1).
 * <p>
 * Every node of a deployment should run the same version: a node that finds a newer layout than its own code
 * leaves the read model alone and says so.
 */
@Component
class ReadModelLayouts implements ConfigurerModule {

    private static final Logger log = LoggerFactory.getLogger(ReadModelLayouts.class);
    static final String COLLECTION = "readmodel_layouts";
    /** Long enough for a claim left by a node that was killed to expire (the token store's claim timeout is 10 s). */
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(30);

    private final ApplicationContext context;
    private final MongoClient mongo;
    private final ReadModelDatabase database;
    private final ReadModelIndexes indexes;

    ReadModelLayouts(ApplicationContext context, MongoClient mongo, ReadModelDatabase database, ReadModelIndexes indexes) {
        this.context = context;
        this.mongo = mongo;
        this.database = database;
        this.indexes = indexes;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onInitialize(configuration -> configuration.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1,
                () -> {
                    upgrade(configuration.eventProcessingConfiguration());
                    // after any reset above, whose reset handlers dropped collections with their indexes
                    indexes.ensure();
                }));
    }

    /**
     * The layout of each read-model group: 1 plus the changes its projections declare (a projection at layout n made
     * n − 1 changes). With one projection that is its layout; with several, raising any one of them raises the group's,
     * so the whole group is rebuilt (one token for all: there is no rebuilding one projection of a group alone), and
     * a projection at layout 2 or more that joins a group raises it too.
     */
    Map<String, Integer> declared() {
        Map<String, Integer> layouts = new TreeMap<>();
        for (String name : context.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = context.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group == null || !group.value().startsWith(ProcessingConfiguration.READ_MODEL_PREFIX)) {
                continue;
            }
            ReadModelLayout layout = context.findAnnotationOnBean(name, ReadModelLayout.class);
            layouts.merge(group.value(), 1 + (layout == null ? 0 : layout.value() - 1), (a, b) -> a + b - 1);
        }
        return layouts;
    }

    /**
     * Read-model groups that no longer exist: their projections joined another group, which a layout bump rebuilt.
     * Their tokens and layout records would otherwise stay in the store for good, read by nothing.
     */
    static final Set<String> RETIRED = Set.of("readmodel-member-ballots", "readmodel-activity");

    private void upgrade(EventProcessingConfiguration processing) {
        MongoCollection<Document> recorded = mongo.getDatabase(database.name()).getCollection(COLLECTION);
        mongo.getDatabase(database.name()).getCollection(ProcessingConfiguration.TOKENS)
                .deleteMany(Filters.in("processorName", RETIRED));
        recorded.deleteMany(Filters.in("_id", RETIRED));
        declared().forEach((group, version) -> {
            Document found = recorded.find(Filters.eq("_id", group)).first();
            TokenStore tokens = processing.tokenStore(group);
            boolean built = tokens.fetchSegments(group).length > 0;
            int stored = found != null ? found.getInteger("version", 1) : built ? 1 : version;
            if (stored > version) {
                log.warn("Read model {} is in layout {}, newer than this node's {}: another node runs a newer Plenum; "
                        + "left as it is", group, stored, version);
                return;
            }
            if (stored < version) {
                log.info("Read model {} changed layout ({} → {}): rebuilding it from the event log", group, stored, version);
                StreamingEventProcessor processor = processing.eventProcessor(group, EventProcessor.class)
                        .map(StreamingEventProcessor.class::cast)
                        .orElseThrow(() -> new IllegalStateException("no streaming processor " + group));
                reset(processor);
            }
            if (found == null || stored != version) {
                recorded.replaceOne(Filters.eq("_id", group), new Document("_id", group).append("version", version),
                        new ReplaceOptions().upsert(true));
            }
        });
    }

    private static void reset(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (true) {
            try {
                processor.resetTokens();
                return;
            } catch (UnableToClaimTokenException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                log.info("Waiting for another node's claim on {} to expire before rebuilding it", processor.getName());
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }
    }
}
