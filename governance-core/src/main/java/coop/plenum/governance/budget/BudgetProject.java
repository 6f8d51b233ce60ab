package coop.plenum.governance.budget;

import java.math.BigDecimal;
import java.util.Objects;

/** A project (a BUDGET proposal's option) and what it costs, in the cooperative's currency. */
public record BudgetProject(String id, BigDecimal cost) {

    public BudgetProject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cost, "cost");
        if (cost.signum() <= 0) {
            throw new IllegalArgumentException("project " + id + " needs a cost above 0");
        }
    }
}
