package coop.plenum.web;

import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.StakeholderClass;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an amendment changes in the charter in force, field by field (issue 14): each class by its id (added,
 * removed, or its name, weight or quorum changed), each topic, the decision rule, voting power, delegation,
 * admission, and each contribution rate by its type. Both charters are complete ({@code CharterRules.complete}), so
 * a default the amendment leaves out compares as the value it will have.
 */
final class CharterDiff {

    /** One changed field: what it is, its value in force ("" when new) and its value proposed ("" when removed). */
    record Change(String field, String before, String after) {
        public boolean added() {
            return before.isEmpty();
        }

        public boolean removed() {
            return after.isEmpty();
        }
    }

    private CharterDiff() {
    }

    static List<Change> between(Charter inForce, Charter proposed) {
        List<Change> changes = new ArrayList<>();
        classes(inForce.classes(), proposed.classes(), changes);
        Set<String> topics = new LinkedHashSet<>(inForce.topics());
        topics.addAll(proposed.topics());
        for (String t : topics) {
            compare("Topic " + t, inForce.topics().contains(t) ? t : "", proposed.topics().contains(t) ? t : "", changes);
        }
        compare("Threshold", name(inForce.decision().threshold()), name(proposed.decision().threshold()), changes);
        compare("Class rule", name(inForce.decision().classRule()), name(proposed.decision().classRule()), changes);
        compare("Voting power", name(inForce.votingPower().mode()), name(proposed.votingPower().mode()), changes);
        compare("Points per vote", text(inForce.votingPower().pointsPerVote()), text(proposed.votingPower().pointsPerVote()), changes);
        compare("Bonus cap", text(inForce.votingPower().maxBonus()), text(proposed.votingPower().maxBonus()), changes);
        compare("Window (days)", text(inForce.votingPower().windowDays()), text(proposed.votingPower().windowDays()), changes);
        compare("Delegation", onOff(inForce.delegation().enabled()), onOff(proposed.delegation().enabled()), changes);
        compare("Longest delegation chain", text(inForce.delegation().maxChainLength()),
                text(proposed.delegation().maxChainLength()), changes);
        compare("Admission", name(inForce.admission()), name(proposed.admission()), changes);
        Map<String, BigDecimal> before = inForce.ledger().rates();
        Map<String, BigDecimal> after = proposed.ledger().rates();
        Set<String> types = new LinkedHashSet<>(before.keySet());
        types.addAll(after.keySet());
        for (String type : types) {
            compare("Rate " + type, text(before.get(type)), text(after.get(type)), changes);
        }
        compare("Evaluations required", text(inForce.ledger().requiredEvaluations()),
                text(proposed.ledger().requiredEvaluations()), changes);
        return changes;
    }

    private static void classes(List<StakeholderClass> before, List<StakeholderClass> after, List<Change> changes) {
        Set<String> ids = new LinkedHashSet<>();
        before.forEach(c -> ids.add(c.id()));
        after.forEach(c -> ids.add(c.id()));
        for (String id : ids) {
            StakeholderClass was = find(before, id);
            StakeholderClass is = find(after, id);
            if (was == null || is == null) {
                compare("Class " + id, was == null ? "" : whole(was), is == null ? "" : whole(is), changes);
                continue;
            }
            compare("Class " + id + ": name", was.name(), is.name(), changes);
            compare("Class " + id + ": weight", was.weight() + " %", is.weight() + " %", changes);
            compare("Class " + id + ": quorum", was.quorum() + " %", is.quorum() + " %", changes);
        }
    }

    private static StakeholderClass find(List<StakeholderClass> classes, String id) {
        return classes.stream().filter(c -> Objects.equals(c.id(), id)).findFirst().orElse(null);
    }

    private static String whole(StakeholderClass c) {
        return c.name() + ", weight " + c.weight() + " %, quorum " + c.quorum() + " %";
    }

    private static void compare(String field, String before, String after, List<Change> changes) {
        String b = before == null ? "" : before;
        String a = after == null ? "" : after;
        if (!b.equals(a)) {
            changes.add(new Change(field, b, a));
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    private static String onOff(Boolean enabled) {
        return Boolean.TRUE.equals(enabled) ? "enabled" : "disabled";
    }

    /** Numbers compare by value: 1 and 1.000000 are the same rate. */
    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }
}
