import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import coop.plenum.governance.storage.EmbeddedMongoServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

import java.nio.file.Files;
import java.util.stream.IntStream;

/**
 * A proposal's summary read (its document without the electorate, as FindTally and the pages read it) on a proposal
 * with an electorate of N members, with mongo-java-server's plain H2 backend (A: its projection deep-copies the whole
 * document first) and Plenum's (B: leaves the fields out while copying), in the same run. Prints the median of five
 * rounds of reads per second.
 *
 * <pre>
 * ./mvnw -q -o -pl governance-core -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp governance-core/target/classes:$(cat governance-core/target/cp.txt) benchmarks/readmodels/SlimReadBenchmark.java [members]
 * </pre>
 */
public class SlimReadBenchmark {

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.printf("electorate of %,d, %d cores, JDK %s, load %s%n", members, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        MongoServer plain = new MongoServer(new H2Backend(Files.createTempDirectory("slim-a").resolve("readmodels.mv").toString()));
        String plainUrl = "mongodb://127.0.0.1:" + plain.bind().getPort();
        try (EmbeddedMongoServer ours = EmbeddedMongoServer.start(Files.createTempDirectory("slim-b"))) {
            for (int round = 1; round <= 2; round++) {
                report("A plain H2 backend", plainUrl, members);
                report("B Plenum backend", ours.connectionString(), members);
            }
        } finally {
            plain.shutdownNow();
        }
    }

    private static void report(String label, String url, int members) {
        try (MongoClient client = MongoClients.create(url)) {
            MongoCollection<Document> proposals = client.getDatabase("bench").getCollection("proposals");
            proposals.drop();
            proposals.insertOne(new Document("_id", "p").append("title", "Kiln").append("state", "VOTING")
                    .append("classes", java.util.List.of(new Document("id", "users").append("quorum", 10)))
                    .append("electorate", IntStream.range(0, members).mapToObj(m -> new Document("memberId", "member-%08d-aaaa-bbbb".formatted(m))
                            .append("accountId", "account-%08d".formatted(m)).append("classId", "users").append("power", "1.000000")).toList()));
            double[] rates = new double[5];
            for (int r = 0; r < rates.length; r++) {
                int reads = 0;
                long start = System.nanoTime();
                while (System.nanoTime() - start < 1_000_000_000L) {
                    Document slim = proposals.find(Filters.eq("_id", "p")).projection(Projections.exclude("electorate")).first();
                    if (slim == null || slim.containsKey("electorate")) {
                        throw new IllegalStateException("wrong answer: " + slim);
                    }
                    reads++;
                }
                rates[r] = reads / ((System.nanoTime() - start) / 1e9);
            }
            java.util.Arrays.sort(rates);
            System.out.printf("%-20s %,10.0f summary reads/s (median of 5 one-second rounds)%n", label, rates[2]);
        }
    }
}
