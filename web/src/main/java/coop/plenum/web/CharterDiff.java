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
 * removed, or its name, weight or quorum changed), each class's board seats, each topic, the decision rule, voting
 * power, delegation, admission, and each contribution rate by its type. Both charters are complete ({@code CharterRules.complete}), so
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

    /** The changes, each field and value named in the reader's language ({@code words}). */
    static List<Change> between(Charter inForce, Charter proposed, Words words) {
        List<Change> changes = new ArrayList<>();
        classes(inForce.classes(), proposed.classes(), changes, words);
        // in the classes' order, as the charter page and the form list them
        Set<String> seated = new LinkedHashSet<>();
        inForce.classes().forEach(c -> seated.add(c.id()));
        proposed.classes().forEach(c -> seated.add(c.id()));
        seated.retainAll(union(inForce.seatsOrNone().keySet(), proposed.seatsOrNone().keySet()));
        for (String id : seated) {
            compare(words.say("charterDiff.classSeats", id), text(inForce.seatsOrNone().get(id)),
                    text(proposed.seatsOrNone().get(id)), changes);
        }
        Set<String> topics = new LinkedHashSet<>(inForce.topics());
        topics.addAll(proposed.topics());
        for (String t : topics) {
            compare(words.say("charterDiff.topic", t), inForce.topics().contains(t) ? t : "", proposed.topics().contains(t) ? t : "", changes);
        }
        compare(words.say("charterDiff.threshold"), name(inForce.decision().threshold(), words),
                name(proposed.decision().threshold(), words), changes);
        compare(words.say("charterDiff.classRule"), name(inForce.decision().classRule(), words),
                name(proposed.decision().classRule(), words), changes);
        compare(words.say("charterDiff.votingPower"), name(inForce.votingPower().mode(), words),
                name(proposed.votingPower().mode(), words), changes);
        compare(words.say("charterDiff.pointsPerVote"), text(inForce.votingPower().pointsPerVote()), text(proposed.votingPower().pointsPerVote()), changes);
        compare(words.say("charterDiff.bonusCap"), text(inForce.votingPower().maxBonus()), text(proposed.votingPower().maxBonus()), changes);
        compare(words.say("charterDiff.window"), text(inForce.votingPower().windowDays()), text(proposed.votingPower().windowDays()), changes);
        compare(words.say("charterDiff.delegation"), onOff(inForce.delegation().enabled(), words),
                onOff(proposed.delegation().enabled(), words), changes);
        compare(words.say("charterDiff.maxChain"), text(inForce.delegation().maxChainLength()),
                text(proposed.delegation().maxChainLength()), changes);
        compare(words.say("charterDiff.admission"), name(inForce.admission(), words), name(proposed.admission(), words), changes);
        Map<String, BigDecimal> before = inForce.ledger().rates();
        Map<String, BigDecimal> after = proposed.ledger().rates();
        Set<String> types = new LinkedHashSet<>(before.keySet());
        types.addAll(after.keySet());
        for (String type : types) {
            compare(words.say("charterDiff.rate", type), text(before.get(type)), text(after.get(type)), changes);
        }
        compare(words.say("charterDiff.requiredEvaluations"), text(inForce.ledger().requiredEvaluations()),
                text(proposed.ledger().requiredEvaluations()), changes);
        return changes;
    }

    private static void classes(List<StakeholderClass> before, List<StakeholderClass> after, List<Change> changes, Words words) {
        Set<String> ids = new LinkedHashSet<>();
        before.forEach(c -> ids.add(c.id()));
        after.forEach(c -> ids.add(c.id()));
        for (String id : ids) {
            StakeholderClass was = find(before, id);
            StakeholderClass is = find(after, id);
            if (was == null || is == null) {
                compare(words.say("charterDiff.class", id), was == null ? "" : whole(was, words), is == null ? "" : whole(is, words),
                        changes);
                continue;
            }
            compare(words.say("charterDiff.className", id), was.name(), is.name(), changes);
            compare(words.say("charterDiff.classWeight", id), was.weight() + " %", is.weight() + " %", changes);
            compare(words.say("charterDiff.classQuorum", id), was.quorum() + " %", is.quorum() + " %", changes);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return both;
    }

    private static StakeholderClass find(List<StakeholderClass> classes, String id) {
        return classes.stream().filter(c -> Objects.equals(c.id(), id)).findFirst().orElse(null);
    }

    private static String whole(StakeholderClass c, Words words) {
        return words.say("charterDiff.whole", c.name(), String.valueOf(c.weight()), String.valueOf(c.quorum()));
    }

    private static void compare(String field, String before, String after, List<Change> changes) {
        String b = before == null ? "" : before;
        String a = after == null ? "" : after;
        if (!b.equals(a)) {
            changes.add(new Change(field, b, a));
        }
    }

    /** The form's words for a rule (each distinct value has distinct words, so comparing them compares the values). */
    private static String name(Enum<?> value, Words words) {
        return value == null ? "" : words.sayOr(value.name(), "charterForm." + value.name());
    }

    private static String onOff(Boolean enabled, Words words) {
        return words.say(Boolean.TRUE.equals(enabled) ? "charterDiff.enabled" : "charterDiff.disabled");
    }

    /** Numbers compare by value: 1 and 1.000000 are the same rate. */
    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }
}
