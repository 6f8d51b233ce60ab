import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import coop.plenum.governance.storage.EmbeddedMongoServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Upserts and lookups by {@code _id} on the embedded read-model store, as a projection writes them, with
 * mongo-java-server's plain H2 backend (A) and Plenum's backend whose unique indexes are ordered by value and which
 * has secondary indexes (B), in the same run. Reports operations per second as the collection grows, and the time to
 * read one cooperative's documents by an indexed field among a hundred cooperatives'.
 *
 * <pre>
 * ./mvnw -q -o -pl governance-core -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp governance-core/target/classes:$(cat governance-core/target/cp.txt) benchmarks/readmodels/ReadModelStoreBenchmark.java [documents]
 * </pre>
 */
public class ReadModelStoreBenchmark {

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.printf("%,d documents, %d cores, JDK %s%n", documents, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        for (int round = 1; round <= 2; round++) {
            Path a = Files.createTempDirectory("readmodel-bench-a");
            MongoServer plain = new MongoServer(new H2Backend(a.resolve("readmodels.mv").toString()));
            String plainUrl = "mongodb://127.0.0.1:" + plain.bind().getPort();
            run("round " + round + " A plain H2 backend", plainUrl, documents);
            for (int pageSize : PAGE_SIZES) {
                ballotPages("round " + round + " A plain H2 backend", plainUrl, documents / 2, pageSize);
            }
            plain.shutdownNow();
            try (EmbeddedMongoServer ordered = EmbeddedMongoServer.start(Files.createTempDirectory("readmodel-bench-b"))) {
                run("round " + round + " B ordered index keys", ordered.connectionString(), documents);
                for (int pageSize : PAGE_SIZES) {
                    ballotPages("round " + round + " B Plenum backend", ordered.connectionString(), documents / 2, pageSize);
                }
            }
        }
    }

    private static final int[] PAGE_SIZES = {128, 32, 16};

    /**
     * Ballots appended to pages as the proposals read model keeps them (ProposalBallots): each ballot an
     * {@code $addToSet} of an entry into its page ({@code proposalId|page}) and of the page into the proposal's list,
     * in bulk writes of 64 ballots as a processor batch sends them; four proposals, ballots of 2,000 members.
     */
    private static void ballotPages(String label, String url, int ballots, int pageSize) {
        try (MongoClient client = MongoClients.create(url)) {
            String run = "pages" + pageSize + "_" + System.nanoTime();
            MongoCollection<Document> pages = client.getDatabase("bench").getCollection(run);
            MongoCollection<Document> lists = client.getDatabase("bench").getCollection(run + "_lists");
            UpdateOptions upsert = new UpdateOptions().upsert(true);
            long start = System.nanoTime();
            List<com.mongodb.client.model.WriteModel<Document>> pageWrites = new java.util.ArrayList<>();
            java.util.Set<String> listed = new java.util.LinkedHashSet<>();
            for (int i = 0; i < ballots; i++) {
                String proposal = "7f3c2a1e-5b4d-4c6e-9a8b-%012d".formatted(i % 4);
                long sequence = i / 4;
                long page = sequence / pageSize;
                Document entry = new Document("sequence", sequence).append("memberId", "member-%08d-aaaa-bbbb-cccc".formatted(i % 2000))
                        .append("choice", i % 3 == 0 ? "YES" : "NO").append("at", new java.util.Date(1_700_000_000_000L + i))
                        .append("scores", null).append("reason", null).append("consent", null).append("ranking", null);
                pageWrites.add(new com.mongodb.client.model.UpdateOneModel<>(Filters.eq("_id", proposal + "|" + page),
                        Updates.combine(Updates.setOnInsert("proposalId", proposal), Updates.setOnInsert("page", page),
                                Updates.addToSet("ballots", entry)), upsert));
                listed.add(proposal + " " + page);
                if (pageWrites.size() == 64 || i == ballots - 1) {
                    pages.bulkWrite(pageWrites);
                    List<com.mongodb.client.model.WriteModel<Document>> listWrites = new java.util.ArrayList<>();
                    for (String pair : listed) {
                        String[] parts = pair.split(" ");
                        listWrites.add(new com.mongodb.client.model.UpdateOneModel<>(Filters.eq("_id", parts[0]),
                                Updates.addToSet("pages", Long.parseLong(parts[1])), upsert));
                    }
                    lists.bulkWrite(listWrites);
                    pageWrites.clear();
                    listed.clear();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long stored = 0;
            for (Document page : pages.find()) {
                stored += page.getList("ballots", Document.class).size();
            }
            if (stored != ballots) {
                throw new IllegalStateException("stored " + stored + " of " + ballots + " ballots");
            }
            System.out.printf("%s: %,d ballots into pages of %d: %,.0f ballots/s%n", label, ballots, pageSize, ballots / seconds);
        }
    }

    private static void run(String label, String url, int documents) {
        try (MongoClient client = MongoClients.create(url)) {
            MongoCollection<Document> ballots = client.getDatabase("bench").getCollection("ballots");
            int step = documents / 4;
            long start = System.nanoTime();
            long stepStart = start;
            StringBuilder line = new StringBuilder(label + ": upserts/s by size");
            for (int i = 0; i < documents; i++) {
                // keys as the projections make them: a UUID-like proposal id and a sequence
                String key = "7f3c2a1e-5b4d-4c6e-9a8b-%012d|%d".formatted(i % 997, i);
                ballots.updateOne(Filters.eq("_id", key), Updates.combine(Updates.setOnInsert("proposal", i % 997),
                        Updates.addToSet("entries", i)), new UpdateOptions().upsert(true));
                if ((i + 1) % step == 0) {
                    long now = System.nanoTime();
                    line.append(" ").append(String.format("%,d: %,.0f", i + 1, step / ((now - stepStart) / 1e9)));
                    stepStart = now;
                }
            }
            double upsertSeconds = (System.nanoTime() - start) / 1e9;
            long lookups = Math.min(documents, 20_000);
            start = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                int n = (int) ((i * 7919L) % documents);
                if (ballots.find(Filters.eq("_id", "7f3c2a1e-5b4d-4c6e-9a8b-%012d|%d".formatted(n % 997, n))).first() == null) {
                    throw new IllegalStateException("lost document " + n);
                }
            }
            double lookupSeconds = (System.nanoTime() - start) / 1e9;
            // a cooperative's documents among 100 cooperatives', by an indexed field (a plain backend scans them all)
            MongoCollection<Document> members = client.getDatabase("bench").getCollection("members");
            members.createIndex(com.mongodb.client.model.Indexes.ascending("cooperativeId"));
            List<Document> batch = new java.util.ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", "member-" + i).append("cooperativeId", "coop-" + (i % 100)));
                if (batch.size() == 1000) {
                    members.insertMany(batch);
                    batch.clear();
                }
            }
            int queries = 200;
            start = System.nanoTime();
            long found = 0;
            for (int i = 0; i < queries; i++) {
                for (Document ignored : members.find(Filters.eq("cooperativeId", "coop-" + (i % 100)))) {
                    found++;
                }
            }
            double querySeconds = (System.nanoTime() - start) / 1e9;
            if (found != (long) queries * (documents / 100)) {
                throw new IllegalStateException("found " + found);
            }
            System.out.printf("%s; overall %,.0f upserts/s, %,.0f lookups/s; one cooperative's %,d of %,d documents: %.2f ms per query%n",
                    line, documents / upsertSeconds, lookups / lookupSeconds, documents / 100, documents, querySeconds * 1000 / queries);
        }
    }
}
