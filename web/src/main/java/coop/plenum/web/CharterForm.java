package coop.plenum.web;

import coop.plenum.governance.charter.AdmissionPolicy;
import coop.plenum.governance.charter.Charter;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.DelegationRule;
import coop.plenum.governance.charter.LedgerRule;
import coop.plenum.governance.charter.StakeholderClass;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.charter.VotingPowerMode;
import coop.plenum.governance.charter.VotingPowerRule;
import coop.plenum.kernel.Violation;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The charter amendment form as typed (issue 14): a whole charter in rows and fields instead of JSON, every value a
 * string so a refused form is shown again exactly as it was. Classes, topics and contribution rates are rows; a row
 * left blank is no row, so "add a row" is a submit that shows one more blank row (no JavaScript needed).
 * Reading it into a {@link Charter} names every value that is not a number where one is needed; the charter's own
 * rules ({@code CharterRules}) then judge the charter, as they do for the API.
 */
record CharterForm(List<ClassRow> classes, List<String> topics, String threshold, String classRule, String powerMode,
                   String pointsPerVote, String maxBonus, String windowDays, boolean delegationEnabled, String maxChainLength,
                   String admission, List<RateRow> rates, String requiredEvaluations) {

    /** One stakeholder class as typed; {@code seats} its board seats (blank: none). */
    record ClassRow(String id, String name, String weight, String quorum, String seats) {
        boolean blank() {
            return id.isBlank() && name.isBlank() && weight.isBlank() && quorum.isBlank() && seats.isBlank();
        }
    }

    /** One contribution type and its point rate as typed. */
    record RateRow(String type, String rate) {
        boolean blank() {
            return type.isBlank() && rate.isBlank();
        }
    }

    /** The charter in force, as the form starts. */
    static CharterForm of(Charter charter) {
        return new CharterForm(
                charter.classes().stream().map(c -> new ClassRow(c.id(), c.name(), text(c.weight()), text(c.quorum()),
                        text(charter.seatsOrNone().get(c.id())))).toList(),
                List.copyOf(charter.topics()), charter.decision().threshold().name(), charter.decision().classRule().name(),
                charter.votingPower().mode().name(), text(charter.votingPower().pointsPerVote()),
                text(charter.votingPower().maxBonus()), text(charter.votingPower().windowDays()),
                Boolean.TRUE.equals(charter.delegation().enabled()), text(charter.delegation().maxChainLength()),
                charter.admission().name(),
                charter.ledger().rates().entrySet().stream().map(e -> new RateRow(e.getKey(), e.getValue().toPlainString())).toList(),
                text(charter.ledger().requiredEvaluations()));
    }

    /** The form as posted: rows in the order they came, blank rows dropped. */
    static CharterForm of(MultiValueMap<String, String> form) {
        List<String> ids = values(form, "class.id");
        List<String> names = values(form, "class.name");
        List<String> weights = values(form, "class.weight");
        List<String> quorums = values(form, "class.quorum");
        List<String> seats = values(form, "class.seats");
        List<ClassRow> classes = new ArrayList<>();
        for (int i = 0; i < max(ids, names, weights, quorums, seats); i++) {
            ClassRow row = new ClassRow(at(ids, i), at(names, i), at(weights, i), at(quorums, i), at(seats, i));
            if (!row.blank()) {
                classes.add(row);
            }
        }
        List<String> topics = values(form, "charterTopic").stream().filter(t -> !t.isBlank()).toList();
        List<String> types = values(form, "rate.type");
        List<String> values = values(form, "rate.value");
        List<RateRow> rates = new ArrayList<>();
        for (int i = 0; i < max(types, values); i++) {
            RateRow row = new RateRow(at(types, i), at(values, i));
            if (!row.blank()) {
                rates.add(row);
            }
        }
        return new CharterForm(classes, topics, one(form, "threshold"), one(form, "classRule"), one(form, "powerMode"),
                one(form, "pointsPerVote"), one(form, "maxBonus"), one(form, "windowDays"),
                "on".equals(one(form, "delegationEnabled")) || "true".equals(one(form, "delegationEnabled")),
                one(form, "maxChainLength"), one(form, "admission"), rates, one(form, "requiredEvaluations"));
    }

    /** The form with one blank row more, or one row fewer, as the row buttons ask. */
    CharterForm withBlankClass() {
        List<ClassRow> more = new ArrayList<>(classes);
        more.add(new ClassRow("", "", "", "", ""));
        return withRows(more, topics, rates);
    }

    CharterForm withBlankTopic() {
        List<String> more = new ArrayList<>(topics);
        more.add("");
        return withRows(classes, more, rates);
    }

    CharterForm withBlankRate() {
        List<RateRow> more = new ArrayList<>(rates);
        more.add(new RateRow("", ""));
        return withRows(classes, topics, more);
    }

    CharterForm withoutClass(int index) {
        return withRows(without(classes, index), topics, rates);
    }

    CharterForm withoutTopic(int index) {
        return withRows(classes, without(topics, index), rates);
    }

    CharterForm withoutRate(int index) {
        return withRows(classes, topics, without(rates, index));
    }

    private CharterForm withRows(List<ClassRow> classes, List<String> topics, List<RateRow> rates) {
        return new CharterForm(classes, topics, threshold, classRule, powerMode, pointsPerVote, maxBonus, windowDays,
                delegationEnabled, maxChainLength, admission, rates, requiredEvaluations);
    }

    /** The form to show again: without characters that were refused. */
    CharterForm shown() {
        return new CharterForm(
                classes.stream().map(c -> new ClassRow(FormText.shown(c.id()), FormText.shown(c.name()), FormText.shown(c.weight()),
                        FormText.shown(c.quorum()), FormText.shown(c.seats()))).toList(),
                topics.stream().map(FormText::shown).toList(), FormText.shown(threshold), FormText.shown(classRule),
                FormText.shown(powerMode), FormText.shown(pointsPerVote), FormText.shown(maxBonus), FormText.shown(windowDays),
                delegationEnabled, FormText.shown(maxChainLength), FormText.shown(admission),
                rates.stream().map(r -> new RateRow(FormText.shown(r.type()), FormText.shown(r.rate()))).toList(),
                FormText.shown(requiredEvaluations));
    }

    /**
     * The charter the form describes, or the values that are not what their field needs (a weight that is not a
     * whole number, a rate that is not a number, a contribution type listed twice), each naming its field as the
     * charter's rules do: {@code classes[1].weight}, {@code ledger.rates.MONEY}, {@code seats.workers}. A class's
     * board seats left blank give it none, and a charter without any has no {@code seats}. {@code secretPeopleVotes}
     * is not on the form: the caller passes the charter in force's, so an amendment does not drop it unseen.
     */
    Charter charter(List<Violation> v, Boolean secretPeopleVotes) {
        List<StakeholderClass> read = new ArrayList<>();
        Map<String, Integer> seats = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            ClassRow c = classes.get(i);
            String at = "classes[" + i + "]";
            read.add(new StakeholderClass(c.id().strip(), c.name().strip(),
                    whole(at + ".weight", c.weight(), "a class weight is a whole percent from 0 to 100", v),
                    whole(at + ".quorum", c.quorum(), "a class quorum is a whole percent from 0 to 100", v)));
            Integer classSeats = whole("seats." + c.id().strip(), c.seats(), "board seats are a whole number from 1 to 50", v);
            if (classSeats != null) {
                seats.put(c.id().strip(), classSeats);
            }
        }
        Map<String, BigDecimal> rateMap = new LinkedHashMap<>();
        for (RateRow r : rates) {
            String type = r.type().strip();
            BigDecimal rate = decimal("ledger.rates." + type, r.rate(), "a point rate is a number, like 1 or 0.5", v);
            if (rateMap.containsKey(type)) {
                v.add(new Violation("ledger.rates." + type, "charter.rate-type-duplicate", "the type " + type + " is listed twice"));
            }
            rateMap.put(type, rate);
        }
        VotingPowerMode mode = choice("votingPower.mode", powerMode, VotingPowerMode.values(), VotingPowerMode::valueOf, v);
        boolean weighted = mode == VotingPowerMode.CONTRIBUTION_WEIGHTED;
        return new Charter(read, topics.stream().map(String::strip).toList(),
                new DecisionRule(choice("decision.threshold", threshold, Threshold.values(), Threshold::valueOf, v),
                        choice("decision.classRule", classRule, ClassRule.values(), ClassRule::valueOf, v)),
                // EQUAL power takes no parameters: what was typed for the weighted mode is left out, not refused
                new VotingPowerRule(mode,
                        weighted ? decimal("votingPower.pointsPerVote", pointsPerVote, "points per vote is a number", v) : null,
                        weighted ? decimal("votingPower.maxBonus", maxBonus, "the bonus cap is a number", v) : null,
                        weighted ? whole("votingPower.windowDays", windowDays, "the window is a whole number of days", v) : null),
                new DelegationRule(delegationEnabled,
                        whole("delegation.maxChainLength", maxChainLength, "the longest chain is a whole number of hops", v)),
                choice("admission", admission, AdmissionPolicy.values(), AdmissionPolicy::valueOf, v),
                new LedgerRule(rateMap, whole("ledger.requiredEvaluations", requiredEvaluations,
                        "the evaluations needed are a whole number", v)),
                secretPeopleVotes, seats.isEmpty() ? null : seats);
    }

    private static Integer whole(String field, String typed, String message, List<Violation> v) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException notWhole) {
            v.add(new Violation(field, "charter.form-not-a-whole-number", message));
            return null;
        }
    }

    private static BigDecimal decimal(String field, String typed, String message, List<Violation> v) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException notANumber) {
            v.add(new Violation(field, "charter.form-not-a-number", message));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String field, String typed, E[] values, Function<String, E> read, List<Violation> v) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        if (Arrays.stream(values).noneMatch(e -> e.name().equals(typed.strip()))) {
            v.add(new Violation(field, "charter.form-unknown-choice", field + " is one of " + Arrays.toString(values)));
            return null;
        }
        return read.apply(typed.strip());
    }

    private static <T> List<T> without(List<T> rows, int index) {
        List<T> fewer = new ArrayList<>(rows);
        if (index >= 0 && index < fewer.size()) {
            fewer.remove(index);
        }
        return fewer;
    }

    private static List<String> values(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values;
    }

    private static String one(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    @SafeVarargs
    private static int max(List<String>... lists) {
        return Arrays.stream(lists).mapToInt(List::size).max().orElse(0);
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }
}
