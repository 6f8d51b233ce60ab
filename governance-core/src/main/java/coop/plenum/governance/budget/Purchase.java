package coop.plenum.governance.budget;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A funded project: its cost, {@code rho} (the most any supporter paid: everyone paid {@code min(rho, what they had
 * left)}) and what each supporter paid (exact; the payments sum to the cost).
 */
public record Purchase(String projectId, BigDecimal cost, Ratio rho, Map<MemberId, Ratio> payments) {

    public Purchase {
        payments = Map.copyOf(payments);
    }
}
