package coop.plenum.governance.proposal;

import coop.plenum.governance.ids.CooperativeId;
import coop.plenum.governance.ids.ProposalId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A fact: an ACCEPTED BUDGET vote closed and funded these projects, each {@code amount} (its cost, in
 * {@code currency}) allocated to be spent on it, in the order the Method of Equal Shares bought them; {@code leftover}
 * is the part of the {@code budget} left unallocated. Recorded once, with the {@link VotingClosed} that decided it;
 * the ledger's pages show the allocations.
 */
public record BudgetAllocated(ProposalId proposalId, CooperativeId cooperativeId, Instant allocatedAt, String currency,
                              BigDecimal budget, List<Allocation> allocations, BigDecimal leftover) {

    public BudgetAllocated {
        allocations = List.copyOf(allocations);
    }

    /** One funded project and the amount allocated to it. */
    public record Allocation(String projectId, String label, BigDecimal amount) {
    }
}
