package coop.plenum.governance.proposal.query;

import coop.plenum.governance.budget.BudgetResult;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Method of Equal Shares' runs of the last few decided BUDGET votes, whole (every purchase with what each supporter
 * paid): a decided vote's count never changes (its ballots are closed and its delegations frozen), and counting one of
 * 100,000 voters again costs about a second and a half of CPU, while a payment lookup in a kept run costs
 * microseconds. Bounded, least recently read first out: a kept 100,000-voter run holds tens of megabytes
 * (docs/performance.md, "Budget payments").
 */
final class KeptBudgetRuns {

    /** A decided vote's run, and its electorate's member ids sorted (a member who took no part paid nothing, but is there). */
    record Run(BudgetResult result, String[] electorate) {

        boolean inElectorate(String memberId) {
            return java.util.Arrays.binarySearch(electorate, memberId) >= 0;
        }
    }

    static final int KEPT = 4;

    private final Map<String, Run> runs = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
            return size() > KEPT;
        }
    });

    Run get(String proposalId) {
        return runs.get(proposalId);
    }

    void keep(String proposalId, Run run) {
        runs.put(proposalId, run);
    }

    void clear() {
        runs.clear();
    }

    int size() {
        return runs.size();
    }
}
