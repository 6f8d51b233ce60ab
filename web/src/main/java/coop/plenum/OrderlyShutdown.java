package coop.plenum;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops Plenum in dependency order on SIGTERM, SIGINT or SIGHUP. The JVM's default runs every shutdown hook at once,
 * and the embedded PostgreSQL library registers its own hook: PostgreSQL then stopped while the web server drained
 * and the event processors were still reading, and every processor and the scheduler printed stack traces. Here
 * the signal closes the Spring context first (web server, then processors and scheduler, then the stores), and
 * only then does the JVM exit and run the remaining hooks, which find everything already closed.
 */
final class OrderlyShutdown {

    private static final Logger log = LoggerFactory.getLogger(OrderlyShutdown.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");

    private OrderlyShutdown() {
    }

    static void onTerminationSignals(ConfigurableApplicationContext context) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (stopping.compareAndSet(false, true)) {
                        // off the signal dispatcher: closing takes seconds and must not block further signals
                        Thread closer = new Thread(() -> stop(context, signal.getName()), "plenum-shutdown");
                        closer.start();
                    }
                });
            } catch (IllegalArgumentException notOnThisPlatform) {
                log.debug("Signal {} cannot be handled here; the JVM's default applies", name);
            }
        }
    }

    private static void stop(ConfigurableApplicationContext context, String signal) {
        log.info("Received SIG{}: stopping the web server, then the event processors, then the stores", signal);
        int exitCode = SpringApplication.exit(context);
        log.info("Plenum stopped");
        System.exit(exitCode);
    }
}
