package coop.plenum.governance.storage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar plenum.jar stores [--data-dir DIR] [--postgres-port N] [--mongodb-port N]}: runs the embedded
 * PostgreSQL (the event log) and a standalone MongoDB-wire server (the read models) as network services on this
 * machine and prints the settings that point Plenum nodes at them, so several nodes can share one log and one set
 * of read models without installing either server. Both listen on 127.0.0.1 only (the embedded PostgreSQL trusts
 * local connections); runs until stopped (Ctrl-C or SIGTERM), then shuts both down cleanly.
 */
public final class StoresCommand {

    static final String USAGE = "usage: plenum stores [--data-dir DIR] [--postgres-port N] [--mongodb-port N]\n"
            + "  DIR defaults to ./data-stores; a port of 0 (the default) takes any free port";

    private StoresCommand() {
    }

    /** The running stores, and what a node needs to use them. */
    public record Running(EmbeddedPostgresServer postgres, EmbeddedMongoServer mongo) implements AutoCloseable {

        public List<String> settings() {
            return List.of("PLENUM_POSTGRES_URL=" + postgres.jdbcUrl(), "PLENUM_POSTGRES_USER=" + postgres.username(),
                    "MONGODB_URI=" + mongo.connectionString() + "/plenum");
        }

        @Override
        public void close() {
            mongo.close();
            postgres.close();
        }
    }

    /** Starts both stores; {@code args} are the words after {@code stores}. */
    public static Running start(List<String> args) {
        Path dataDir = Path.of("data-stores");
        int postgresPort = 0;
        int mongoPort = 0;
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(args.get(i) + " needs a value");
            }
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--postgres-port" -> postgresPort = port(value, "--postgres-port");
                case "--mongodb-port" -> mongoPort = port(value, "--mongodb-port");
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        Path root = dataDir.toAbsolutePath().normalize();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(root.resolve("postgres"), postgresPort);
        try {
            return new Running(postgres, EmbeddedMongoServer.start(root.resolve("readmodels"), mongoPort));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** Runs until the process is told to stop; exit code 0, or 2 for a usage error. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Running running;
        try {
            running = start(args);
        } catch (IllegalArgumentException e) {
            err.println("plenum stores: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "plenum-stores-shutdown"));
        out.println("Plenum's stores are running. Start each node with:");
        running.settings().forEach(setting -> out.println("  " + setting));
        out.println("Stop with Ctrl-C.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int port(String value, String option) {
        if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) > 65535) {
            throw new IllegalArgumentException(option + " is a port from 0 to 65535");
        }
        return Integer.parseInt(value);
    }
}
