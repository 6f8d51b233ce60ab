package coop.plenum.governance.proposal.query;

import coop.plenum.governance.budget.BudgetResult;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Method of Equal Shares' runs of the last few decided BUDGET votes, whole (every purchase with what each supporter
 * paid): a decided vote's count never changes (its ballots are closed and its delegations frozen), and counting one of
 * 100,000 voters again costs about a second and a half of CPU, while a payment lookup in a kept run costs
 * microseconds. Bounded, least recently read first out: a kept 100,000-voter run holds tens of megabytes
 * (docs/performance.md, "Budget payments").
 * <p>
 * A run is kept as its future from the moment it is first asked for, so requests arriving while it is being counted
 * wait for that one count instead of each starting their own; and counts run one at a time on the executor given,
 * never on the store driver's threads: a member paging through many large decided budgets costs one core at most,
 * and other cooperatives' reads are not held behind a count. A count that fails is forgotten, so the next request
 * counts again.
 */
final class KeptBudgetRuns {

    /** A decided vote's run, and its electorate's member ids sorted (a member who took no part paid nothing, but is there). */
    record Run(BudgetResult result, String[] electorate) {

        boolean inElectorate(String memberId) {
            return java.util.Arrays.binarySearch(electorate, memberId) >= 0;
        }
    }

    static final int KEPT = 4;

    private final Map<String, CompletableFuture<Run>> runs = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Run>> eldest) {
            return size() > KEPT;
        }
    });

    /**
     * The kept run of the proposal, or the one being counted, or a new count: {@code read} gives the count's inputs
     * (asynchronously), {@code count} runs on {@code counting}.
     */
    <I> CompletableFuture<Run> get(String proposalId, Supplier<CompletableFuture<I>> read,
                                   Function<I, Run> count, ExecutorService counting) {
        CompletableFuture<Run> started = new CompletableFuture<>();
        CompletableFuture<Run> kept = runs.putIfAbsent(proposalId, started);
        if (kept != null) {
            return kept;
        }
        read.get().thenApplyAsync(count, counting).whenComplete((run, failure) -> {
            if (failure != null) {
                runs.remove(proposalId, started);
                started.completeExceptionally(failure);
            } else {
                started.complete(run);
            }
        });
        return started;
    }
}
