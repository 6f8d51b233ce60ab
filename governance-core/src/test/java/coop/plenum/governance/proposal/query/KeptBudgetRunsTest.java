package coop.plenum.governance.proposal.query;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeptBudgetRunsTest {

    private final ExecutorService counting = Executors.newSingleThreadExecutor();
    private final KeptBudgetRuns runs = new KeptBudgetRuns();
    private final AtomicInteger counts = new AtomicInteger();

    @AfterEach
    void stop() {
        counting.shutdownNow();
    }

    @Test
    void requestsArrivingWhileAVoteIsCountedShareThatOneCount() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<KeptBudgetRuns.Run>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(runs.get("p1", () -> CompletableFuture.completedFuture("inputs"), inputs -> {
                await(release);
                return run();
            }, counting));
        }
        release.countDown();
        KeptBudgetRuns.Run first = answers.get(0).get(5, TimeUnit.SECONDS);
        for (CompletableFuture<KeptBudgetRuns.Run> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).isSameAs(first);
        }
        assertThat(counts).hasValue(1);
    }

    @Test
    void theCountRunsOnTheCountingExecutorNotTheReadersThread() throws Exception {
        String[] thread = new String[1];
        ExecutorService named = Executors.newSingleThreadExecutor(r -> new Thread(r, "counting-here"));
        try {
            runs.get("p1", () -> CompletableFuture.completedFuture("inputs"), inputs -> {
                thread[0] = Thread.currentThread().getName();
                return run();
            }, named).get(5, TimeUnit.SECONDS);
        } finally {
            named.shutdownNow();
        }
        assertThat(thread[0]).isEqualTo("counting-here");
    }

    @Test
    void aFailedCountIsForgottenSoTheNextRequestCountsAgain() throws Exception {
        CompletableFuture<KeptBudgetRuns.Run> failed = runs.get("p1", () -> CompletableFuture.completedFuture("inputs"),
                inputs -> {
                    counts.incrementAndGet();
                    throw new IllegalStateException("store went away");
                }, counting);
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("store went away");

        runs.get("p1", () -> CompletableFuture.completedFuture("inputs"), inputs -> run(), counting).get(5, TimeUnit.SECONDS);
        assertThat(counts).hasValue(2);
    }

    @Test
    void onlyTheLastFewVotesAskedAboutAreKept() throws Exception {
        for (int i = 0; i <= KeptBudgetRuns.KEPT; i++) {
            runs.get("p" + i, () -> CompletableFuture.completedFuture("inputs"), inputs -> run(), counting).get(5, TimeUnit.SECONDS);
        }
        assertThat(counts).hasValue(KeptBudgetRuns.KEPT + 1);
        runs.get("p" + KeptBudgetRuns.KEPT, () -> CompletableFuture.completedFuture("inputs"), inputs -> run(), counting)
                .get(5, TimeUnit.SECONDS);
        assertThat(counts).as("the newest is kept").hasValue(KeptBudgetRuns.KEPT + 1);
        runs.get("p0", () -> CompletableFuture.completedFuture("inputs"), inputs -> run(), counting).get(5, TimeUnit.SECONDS);
        assertThat(counts).as("the oldest was let go and counted again").hasValue(KeptBudgetRuns.KEPT + 2);
    }

    private KeptBudgetRuns.Run run() {
        counts.incrementAndGet();
        return new KeptBudgetRuns.Run(null, new String[0]);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
