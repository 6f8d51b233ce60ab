package coop.plenum.governance.audit.offline;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Other rules to re-tally a closed vote under (SPEC's mission: "re-tally under other rules"): any of the threshold,
 * the class rule, a class's weight or quorum, delegation on or off, the longest chain. What is not given stays as it
 * was pinned when voting opened. The result is hypothetical and stores nothing.
 */
public record WhatIfRules(Threshold threshold, ClassRule classRule, Map<String, ClassChange> classes, Boolean delegation,
                          Integer maxChainLength) {

    public static final int MAX_CHAIN_LENGTH = 1000;

    /** A class's weight and quorum under the hypothetical rules (integer percents; null keeps the pinned one). */
    public record ClassChange(Integer weight, Integer quorum) {
    }

    public static WhatIfRules none() {
        return new WhatIfRules(null, null, Map.of(), null, null);
    }

    /** The pinned classes with the changes applied; refuses unknown classes, bad percents and weights not summing to 100. */
    List<StakeholderClass> classesFrom(List<StakeholderClass> pinned) {
        List<Violation> violations = new ArrayList<>();
        Map<String, ClassChange> changes = classes == null ? Map.of() : classes;
        changes.forEach((id, change) -> {
            if (pinned.stream().noneMatch(c -> c.id().equals(id))) {
                violations.add(new Violation("classes." + id, "what-if.class-unknown", "the vote had no class '" + id + "'"));
            } else if (change == null) {
                violations.add(new Violation("classes." + id, "what-if.class-change-missing", "give a weight, a quorum or both"));
            } else {
                percent(change.weight(), "classes." + id + ".weight", violations);
                percent(change.quorum(), "classes." + id + ".quorum", violations);
            }
        });
        if (maxChainLength != null && (maxChainLength < 0 || maxChainLength > MAX_CHAIN_LENGTH)) {
            violations.add(new Violation("maxChainLength", "what-if.max-chain-length-invalid",
                    "maxChainLength is 0 (unlimited) to " + MAX_CHAIN_LENGTH));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        List<StakeholderClass> result = pinned.stream().map(c -> {
            ClassChange change = changes.get(c.id());
            return change == null ? c : new StakeholderClass(c.id(), c.name(),
                    change.weight() == null ? c.weight() : change.weight(), change.quorum() == null ? c.quorum() : change.quorum());
        }).toList();
        int sum = result.stream().mapToInt(StakeholderClass::weight).sum();
        if (sum != 100) {
            throw new InvalidInput("classes", "what-if.weights-not-100", "class weights must sum to 100, they sum to " + sum);
        }
        return result;
    }

    DecisionRule decisionFrom(DecisionRule pinned) {
        return new DecisionRule(threshold == null ? pinned.threshold() : threshold, classRule == null ? pinned.classRule() : classRule);
    }

    DelegationRule delegationFrom(DelegationRule pinned) {
        boolean enabled = delegation != null ? delegation : pinned != null && Boolean.TRUE.equals(pinned.enabled());
        int longest = maxChainLength != null ? maxChainLength : pinned == null || pinned.maxChainLength() == null ? 0 : pinned.maxChainLength();
        return new DelegationRule(enabled, longest);
    }

    private static void percent(Integer value, String field, List<Violation> violations) {
        if (value != null && (value < 0 || value > 100)) {
            violations.add(new Violation(field, "what-if.percent-invalid", "an integer percent from 0 to 100"));
        }
    }
}
