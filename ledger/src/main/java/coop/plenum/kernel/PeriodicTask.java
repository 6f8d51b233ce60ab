package coop.plenum.kernel;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work repeated on one named daemon thread, a fixed delay after each run ends, until closed; closing waits (at most
 * ten seconds) for a run in progress, so nothing touches a store after it is told to stop.
 */
public final class PeriodicTask implements AutoCloseable {

    private final ScheduledExecutorService timer;

    private PeriodicTask(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static PeriodicTask every(Duration delay, String threadName, Runnable work) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(work, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
        return new PeriodicTask(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
