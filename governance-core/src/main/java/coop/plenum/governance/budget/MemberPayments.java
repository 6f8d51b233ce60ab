package coop.plenum.governance.budget;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.voting.Ratio;

import java.util.List;
import java.util.Objects;

/**
 * What one member paid in a BUDGET count (the Method of Equal Shares): per funded project they paid towards, in the
 * order the projects were bought, the exact amount in the budget's currency; their {@code share} of the (virtual)
 * budget, null when they took no part in the count; and the {@code total} paid (never more than the share).
 * A member who took part but approved nothing funded, or took no part, paid nothing: an empty list and a zero total.
 */
public record MemberPayments(MemberId member, Ratio share, List<Payment> payments, Ratio total) {

    public MemberPayments {
        Objects.requireNonNull(member, "member");
        payments = List.copyOf(payments);
        Objects.requireNonNull(total, "total");
    }

    /** One funded project's payment: exact, above zero. */
    public record Payment(String projectId, Ratio amount) {

        public Payment {
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** Whether the member took part in the count (had a share, their own ballot or a delegate's). */
    public boolean tookPart() {
        return share != null;
    }
}
