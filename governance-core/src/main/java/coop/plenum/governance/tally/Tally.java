package coop.plenum.governance.tally;

import coop.plenum.governance.voting.Ratio;

import java.util.List;
import java.util.Optional;

/**
 * The result of counting: one {@link ClassTally} per pinned class (in charter order), the overall approval and the
 * outcome. {@code approval} is {@code null} when no class is in the approval step (or, under WEIGHTED, when the
 * classes in it all weigh 0). Under WEIGHTED it is A = Σ w_c a_c / Σ w_c; under EVERY_CLASS it is the lowest class
 * approval, which passes exactly when every class passes.
 */
public record Tally(List<ClassTally> classes, Ratio approval, Outcome outcome) {

    public Tally {
        classes = List.copyOf(classes);
    }

    public Optional<ClassTally> forClass(String classId) {
        return classes.stream().filter(c -> c.classId().equals(classId)).findFirst();
    }

    /** Every class that did not drop out met its quorum. */
    public boolean quorumMet() {
        return classes.stream().allMatch(ClassTally::quorumMet);
    }
}
