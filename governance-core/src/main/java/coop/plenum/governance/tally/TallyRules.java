package coop.plenum.governance.tally;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;
import java.util.List;

/** SPEC "Tally", one rule per method. All arithmetic is exact: BigDecimal sums and {@link Ratio} comparisons. */
final class TallyRules {

    private TallyRules() {
    }

    /** Classes with E_c = 0 drop out (of quorum and approval); the remaining weights are renormalised. */
    static boolean classesWithNoElectoratePowerDropOut(BigDecimal electoratePower) {
        return electoratePower.signum() == 0;
    }

    /** Participation (Y_c + N_c + A_c) / E_c, for a class that did not drop out. */
    static Ratio participation(BigDecimal turnout, BigDecimal electoratePower) {
        return Ratio.of(turnout, electoratePower);
    }

    /** Quorum: (Y_c + N_c + A_c) / E_c ≥ quorum_c / 100. */
    static boolean quorumIsMet(Ratio participation, int quorumPercent) {
        return participation.isAtLeast(Ratio.of(quorumPercent, 100));
    }

    /** Approval a_c = Y_c / (Y_c + N_c); {@code null} when Y_c + N_c = 0: the class drops out of the approval step. */
    static Ratio approval(BigDecimal yes, BigDecimal no) {
        BigDecimal decided = yes.add(no);
        return decided.signum() == 0 ? null : Ratio.of(yes, decided);
    }

    /**
     * WEIGHTED: A = Σ w_c a_c / Σ w_c over the classes in the approval step, which renormalises their weights.
     * SPEC is silent when those classes all weigh 0 (Σ w_c = 0, A undefined): Plenum treats it as if every class
     * had dropped out of the approval step, so there is no approval ({@code null}) and the outcome is REJECTED.
     */
    static Ratio weightedApproval(List<ClassTally> classes) {
        Ratio weighted = Ratio.ZERO;
        long totalWeight = 0;
        for (ClassTally c : classes) {
            if (c.inApprovalStep()) {
                weighted = weighted.plus(c.approval().times(Ratio.of(c.weight(), 1)));
                totalWeight += c.weight();
            }
        }
        return totalWeight == 0 ? null : weighted.dividedBy(Ratio.of(totalWeight, 1));
    }

    /**
     * EVERY_CLASS: each class in the approval step must pass on its own, whatever its weight (0 included). Since
     * both thresholds are monotone, that is the same as the lowest class approval passing; that lowest approval is
     * what the tally reports as overall approval ({@code null} when no class is in the approval step).
     */
    static Ratio everyClassApproval(List<ClassTally> classes) {
        Ratio lowest = null;
        for (ClassTally c : classes) {
            if (c.inApprovalStep() && (lowest == null || c.approval().compareTo(lowest) < 0)) {
                lowest = c.approval();
            }
        }
        return lowest;
    }

    static Ratio overallApproval(ClassRule rule, List<ClassTally> classes) {
        return switch (rule) {
            case WEIGHTED -> weightedApproval(classes);
            case EVERY_CLASS -> everyClassApproval(classes);
        };
    }

    /** SIMPLE_MAJORITY passes when strictly more than 1/2; TWO_THIRDS when at least 2/3. */
    static boolean passes(Threshold threshold, Ratio approval) {
        return switch (threshold) {
            case SIMPLE_MAJORITY -> approval.isGreaterThan(Ratio.ONE_HALF);
            case TWO_THIRDS -> approval.isAtLeast(Ratio.TWO_THIRDS);
        };
    }

    /**
     * NO_QUORUM when a remaining class missed its quorum; otherwise REJECTED when every class dropped out of the
     * approval step (no approval); otherwise ACCEPTED exactly when the approval passes the threshold.
     */
    static Outcome outcome(boolean everyRemainingClassMetQuorum, Threshold threshold, Ratio approval) {
        if (!everyRemainingClassMetQuorum) {
            return Outcome.NO_QUORUM;
        }
        if (approval == null) {
            return Outcome.REJECTED;
        }
        return passes(threshold, approval) ? Outcome.ACCEPTED : Outcome.REJECTED;
    }
}
