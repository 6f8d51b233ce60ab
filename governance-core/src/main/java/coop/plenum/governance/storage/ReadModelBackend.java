package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * mongo-java-server's H2 backend with its unique indexes ordered by {@link IndexKeyType}, so a lookup or upsert by
 * {@code _id} costs a few value comparisons instead of some twenty Java serializations, and with single-field
 * secondary indexes ({@link OrderedSecondaryIndex}), which the plain backend ignores, so that a query by a
 * cooperative's id reads that cooperative's documents instead of every cooperative's.
 * <p>
 * The ordered index of a collection lives in its own H2 map ({@code <index map>.ordered}); a store written by the
 * plain backend is converted the first time it is opened: the old map's entries are copied into the new one, and
 * only then is the old map removed. H2 commits its versions in order, so a crash during the copy leaves the old map
 * in place and the copy is simply redone at the next start.
 */
final class ReadModelBackend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(ReadModelBackend.class);
    private static final String ORDERED_SUFFIX = ".ordered";

    ReadModelBackend(String fileName) {
        this(fileName, ReadModelCacheSize.defaultMiB());
    }

    /** A store on {@code fileName} whose page cache holds up to {@code cacheMiB} MiB (H2's default is 16). */
    ReadModelBackend(String fileName, int cacheMiB) {
        super(new MVStore.Builder().fileName(fileName).cacheSize(cacheMiB).open());
        log.info("Read-model store {} with a {} MiB page cache", fileName, cacheMiB);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Inner, so its index maps reach the store while H2Database's constructor is still opening them. */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        /**
         * H2Database's collection with data-size tracking off: to keep {@code collStats.size} current, every update
         * BSON-encodes the document before and after the change (31 % of the store's CPU while ballots were cast,
         * each rewriting a page of up to 128 ballots; JFR, docs/performance.md). Nothing in Plenum reads that size.
         * The maps are the ones H2Database opens for a collection, so stores written before stay readable; their
         * documents are written as BSON ({@link BsonDocumentType}) and read back in either form.
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new UntrackedSizeCollection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = getMvStore();
            String legacy = indexMapName(collectionName, indexName);
            MVMap<KeyValue, Object> ordered = store.openMap(legacy + ORDERED_SUFFIX,
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
            if (store.hasMap(legacy)) {
                convert(store, store.openMap(legacy), ordered);
            }
            return new OrderedUniqueIndex(ordered, indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            if (keys.size() != 1 || sparse) {
                return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
            }
            MVMap<KeyValue, Object> entries = getMvStore().openMap(indexMapName(collectionName, indexName) + ORDERED_SUFFIX,
                    new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.lexicographic()));
            return new OrderedSecondaryIndex(entries, indexName, keys.get(0));
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = indexMapName(collection.getCollectionName(), indexName) + ORDERED_SUFFIX;
            if (getMvStore().hasMap(name)) {
                getMvStore().removeMap(name);
            }
        }

        private String indexMapName(String collectionName, String indexName) {
            // the name H2Database gives an index's map
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }

    private static final class UntrackedSizeCollection extends H2Collection {

        UntrackedSizeCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                                MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, documents, meta, cursors);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /**
         * Answers every query with documents of its own, never the stored ones. mongo-java-server updates a document in
         * place: it computes the new version on a deep copy, then removes and puts the stored document's top-level
         * fields. H2's background writer serializes stored documents at any moment without the collection's lock, so
         * an update that added or removed a field while a page holding its document was being written failed the
         * writer with a ConcurrentModificationException, and H2 then closed the whole store: every later read and
         * write of every cooperative failed until a restart (seen in CI, 2026-12-04), and a page written mid-update
         * could hold half an update. Here an update changes a copy and puts that copy in the map; a stored document
         * is never changed again once stored.
         * <p>
         * A query that leaves out top-level fields ({@code {electorate: 0, …}}) answers each document without them,
         * copied shallowly. mongo-java-server's own projection deep-copies the whole document first and then drops
         * the fields, so leaving out a proposal's 10,000-member electorate still cost copying it on every summary
         * read (issue 16). A query without a projection answers a shallow copy too. Shallow is enough: an update
         * builds every new top-level value on a deep copy, never changing a nested value in place. The filter, order,
         * skip and limit are mongo-java-server's, in its order; any other projection is its own, which answers new
         * documents already.
         */
        @Override
        protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int numberToSkip, int limit,
                                                       int batchSize, Comparator<Document> order, Document fieldSelector) {
            Set<String> left = TopLevelExclusions.of(fieldSelector, getIdField());
            UnaryOperator<Document> answer;
            if (!left.isEmpty()) {
                answer = document -> TopLevelExclusions.without(document, left);
            } else if (fieldSelector == null || fieldSelector.keySet().isEmpty()) {
                answer = Document::clone;
            } else {
                return super.matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, order, fieldSelector);
            }
            Stream<Document> matched = documents.filter(document -> documentMatchesQuery(document, query));
            if (order != null) {
                matched = matched.sorted(order);
            }
            if (numberToSkip > 0) {
                matched = matched.skip(numberToSkip);
            }
            if (limit > 0) {
                matched = matched.limit(limit);
            }
            return createQueryResult(matched.map(answer).toList(), batchSize);
        }
    }

    private static void convert(MVStore store, MVMap<KeyValue, Object> legacy, MVMap<KeyValue, Object> ordered) {
        ordered.clear();
        for (Map.Entry<KeyValue, Object> entry : legacy.entrySet()) {
            ordered.put(entry.getKey(), entry.getValue());
        }
        long keys = ordered.sizeAsLong();
        store.removeMap(legacy);
        store.commit();
        log.info("Read-model index {} converted to ordered keys ({} keys)", legacy.getName(), keys);
    }
}
