package coop.plenum.governance.audit.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Hands rows from the thread that reads them off a cursor to one thread that consumes them in the same order, in
 * batches through a bounded queue (at most {@value #QUEUED} × {@value #BATCH} rows in flight, so memory stays bounded
 * however long the history). The consumer may say it is done early; the reader then stops at its next row.
 */
final class RowPipeline implements AutoCloseable {

    static final int BATCH = 256;
    static final int QUEUED = 16;

    private final List<LinkRow> end = new ArrayList<>(0);
    private final BlockingQueue<List<LinkRow>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Consumer<LinkRow> consumer;
    private final BooleanSupplier consumerDone;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private List<LinkRow> batch = new ArrayList<>(BATCH);
    private boolean finished;

    RowPipeline(Consumer<LinkRow> consumer, BooleanSupplier consumerDone, String name) {
        this.consumer = consumer;
        this.consumerDone = consumerDone;
        this.thread = new Thread(this::consume, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** @return false once the consumer needs no more rows (or failed): the reader should stop reading */
    boolean offer(LinkRow row) {
        if (stopped) {
            return false;
        }
        batch.add(row);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
        return !stopped;
    }

    /** After the last row: waits until the consumer has seen every row, and passes on its failure if it had one. */
    void finish() {
        if (!batch.isEmpty()) {
            hand(batch);
            batch = new ArrayList<>(0);
        }
        hand(end);
        finished = true;
        join();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
    }

    /** Ends the consumer whatever happened to the reader (a failed query must not leave the thread waiting). */
    @Override
    public void close() {
        if (!finished) {
            stopped = true;
            thread.interrupt();
            join();
        }
    }

    private void hand(List<LinkRow> rows) {
        try {
            while (!queue.offer(rows, 50, TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the chain", e);
        }
    }

    private void consume() {
        try {
            while (true) {
                List<LinkRow> rows = queue.take();
                if (rows == end) {
                    return;
                }
                if (stopped) {
                    continue; // drain what the reader handed before it noticed
                }
                for (LinkRow row : rows) {
                    consumer.accept(row);
                }
                if (consumerDone.getAsBoolean()) {
                    stopped = true;
                }
            }
        } catch (InterruptedException e) {
            stopped = true;
        } catch (Throwable t) {
            failure = t;
            stopped = true;
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the chain", e);
        }
    }
}
