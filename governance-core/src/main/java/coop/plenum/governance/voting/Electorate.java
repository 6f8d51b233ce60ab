package coop.plenum.governance.voting;

import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.ids.MemberId;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * SPEC "Electorate snapshot": the classes (weights and quorums) and the decision rule pinned when voting opened,
 * and every member who may vote with their class and power as of that instant.
 */
public record Electorate(List<StakeholderClass> classes, DecisionRule decision, List<Voter> voters) {

    public Electorate {
        classes = List.copyOf(classes);
        voters = List.copyOf(voters);
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decision.threshold(), "decision.threshold");
        Objects.requireNonNull(decision.classRule(), "decision.classRule");
        Set<String> classIds = new HashSet<>();
        for (StakeholderClass c : classes) {
            assertAClassHasAWeightAndAQuorum(c);
            if (!classIds.add(c.id())) {
                throw new IllegalArgumentException("class " + c.id() + " appears twice");
            }
        }
        Set<MemberId> members = new HashSet<>();
        for (Voter v : voters) {
            if (!classIds.contains(v.classId())) {
                throw new IllegalArgumentException(v.memberId() + " is in unknown class " + v.classId());
            }
            if (!members.add(v.memberId())) {
                throw new IllegalArgumentException(v.memberId() + " appears twice in the electorate");
            }
        }
    }

    private static void assertAClassHasAWeightAndAQuorum(StakeholderClass c) {
        Objects.requireNonNull(c.id(), "class id");
        if (c.weight() == null || c.weight() < 0) {
            throw new IllegalArgumentException("class " + c.id() + " needs a weight of 0 or more");
        }
        if (c.quorum() == null || c.quorum() < 0 || c.quorum() > 100) {
            throw new IllegalArgumentException("class " + c.id() + " needs a quorum of 0 to 100");
        }
    }

    public Optional<Voter> voter(MemberId memberId) {
        return voters.stream().filter(v -> v.memberId().equals(memberId)).findFirst();
    }
}
