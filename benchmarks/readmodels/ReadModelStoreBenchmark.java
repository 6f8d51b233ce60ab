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

/**
 * Upserts and lookups by {@code _id} on the embedded read-model store, as a projection writes them, with
 * mongo-java-server's plain H2 backend (A) and Plenum's backend whose unique indexes are ordered by value (B), in the
 * same run. Reports operations per second as the collection grows.
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
            plain.shutdownNow();
            try (EmbeddedMongoServer ordered = EmbeddedMongoServer.start(Files.createTempDirectory("readmodel-bench-b"))) {
                run("round " + round + " B ordered index keys", ordered.connectionString(), documents);
            }
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
            System.out.printf("%s; overall %,.0f upserts/s, %,.0f lookups/s%n", line, documents / upsertSeconds, lookups / lookupSeconds);
        }
    }
}
