package coop.plenum.governance.audit.chain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowPipelineTest {

    private static LinkRow row(long index) {
        return new LinkRow(index + 1, index, "a", index, new byte[0], new byte[0], null);
    }

    @Test
    void everyRowReachesTheConsumerOnceAndInReadingOrder() {
        List<Long> seen = new ArrayList<>();
        int rows = RowPipeline.BATCH * RowPipeline.QUEUED * 3 + 17; // more than the queue holds, and a partial batch
        try (RowPipeline pipeline = new RowPipeline(r -> seen.add(r.chainIndex()), () -> false, "test")) {
            for (long i = 0; i < rows; i++) {
                assertThat(pipeline.offer(row(i))).isTrue();
            }
            pipeline.finish();
        }
        assertThat(seen).hasSize(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void theReaderIsToldToStopOnceTheConsumerIsDone() {
        AtomicInteger consumed = new AtomicInteger();
        long offered = 0;
        try (RowPipeline pipeline = new RowPipeline(r -> consumed.incrementAndGet(), () -> consumed.get() >= 10, "test")) {
            while (offered < 1_000_000 && pipeline.offer(row(offered))) {
                offered++;
            }
            pipeline.finish();
        }
        assertThat(offered).isLessThan(1_000_000);
        assertThat(consumed.get()).isBetween(10, RowPipeline.BATCH);
    }

    @Test
    void aFailureInTheConsumerReachesTheReader() {
        try (RowPipeline pipeline = new RowPipeline(r -> {
            throw new IllegalStateException("broken row " + r.chainIndex());
        }, () -> false, "test")) {
            long i = 0;
            while (i < 100_000 && pipeline.offer(row(i))) {
                i++;
            }
            assertThatThrownBy(pipeline::finish).isInstanceOf(IllegalStateException.class).hasMessage("broken row 0");
        }
    }

    @Test
    void aReaderThatFailsMidwayLeavesNoConsumerWaiting() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Thread> consumer = new java.util.concurrent.atomic.AtomicReference<>();
        try (RowPipeline pipeline = new RowPipeline(r -> consumer.set(Thread.currentThread()), () -> false, "test")) {
            for (long i = 0; i < RowPipeline.BATCH; i++) {
                pipeline.offer(row(i));
            }
            // a full batch is handed over: wait until the consumer has taken a row (a fixed 50 ms was too short on a
            // loaded CI machine), then the reader's query fails here: close() without finish()
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (consumer.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(consumer.get()).as("the consumer took the full batch").isNotNull();
        assertThat(consumer.get().isAlive()).as("the consumer thread ended with the pipeline").isFalse();
    }
}
