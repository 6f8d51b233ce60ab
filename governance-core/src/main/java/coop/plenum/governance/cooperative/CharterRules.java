package coop.plenum.governance.cooperative;

import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Slugs;
import coop.plenum.kernel.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPEC "Cooperative and charter": the rules a charter must satisfy, each a named method, and the defaults
 * for the parts a founder may leave out (documented in docs/charter.md). Pure: no Spring, no storage.
 */
public final class CharterRules {

    public static final List<String> DEFAULT_TOPICS = List.of("general");
    public static final DecisionRule DEFAULT_DECISION = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);
    public static final DelegationRule DEFAULT_DELEGATION = new DelegationRule(true, 0);
    public static final int DEFAULT_REQUIRED_EVALUATIONS = 2;
    private static final Pattern CONTRIBUTION_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final int MAX_CLASS_NAME = 80;

    private CharterRules() {
    }

    /** Fills the parts left out with the documented defaults; never changes a part that was given. */
    public static Charter complete(Charter raw) {
        if (raw == null) {
            return null;
        }
        DecisionRule decision = raw.decision() == null ? DEFAULT_DECISION
                : new DecisionRule(orElse(raw.decision().threshold(), Threshold.SIMPLE_MAJORITY),
                orElse(raw.decision().classRule(), ClassRule.WEIGHTED));
        DelegationRule delegation = raw.delegation() == null ? DEFAULT_DELEGATION
                : new DelegationRule(orElse(raw.delegation().enabled(), true), orElse(raw.delegation().maxChainLength(), 0));
        VotingPowerRule power = raw.votingPower() == null ? VotingPowerRule.equal() : raw.votingPower();
        LedgerRule ledger = raw.ledger() == null ? new LedgerRule(Map.of("WORK_HOURS", BigDecimal.ONE), DEFAULT_REQUIRED_EVALUATIONS)
                : new LedgerRule(raw.ledger().rates() == null ? Map.of() : sorted(raw.ledger().rates()),
                orElse(raw.ledger().requiredEvaluations(), DEFAULT_REQUIRED_EVALUATIONS));
        return new Charter(raw.classes(), raw.topics() == null ? DEFAULT_TOPICS : raw.topics(), decision, power,
                delegation, orElse(raw.admission(), AdmissionPolicy.SECRETARY), ledger);
    }

    /** Throws {@link InvalidInput} listing every broken rule, the first one naming its field. */
    public static void assertValid(Charter charter) {
        List<Violation> violations = violations(charter);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    public static List<Violation> violations(Charter charter) {
        List<Violation> v = new ArrayList<>();
        if (charter == null) {
            v.add(new Violation("charter", "charter.missing", "a charter is required"));
            return v;
        }
        classesAreListed(charter.classes(), v);
        topicsAreUniqueSlugs(charter.topics(), v);
        decisionRuleIsComplete(charter.decision(), v);
        votingPowerIsWellFormed(charter.votingPower(), v);
        delegationChainLimitIsNotNegative(charter.delegation(), v);
        ledgerRatesArePositiveAndNamed(charter.ledger(), v);
        return v;
    }

    static void classesAreListed(List<StakeholderClass> classes, List<Violation> v) {
        if (classes == null || classes.isEmpty()) {
            v.add(new Violation("charter.classes", "charter.classes-missing", "a charter lists at least one stakeholder class"));
            return;
        }
        Set<String> seen = new HashSet<>();
        int weightSum = 0;
        boolean weightsKnown = true;
        for (int i = 0; i < classes.size(); i++) {
            String at = "charter.classes[" + i + "]";
            StakeholderClass c = classes.get(i);
            if (c == null) {
                v.add(new Violation(at, "charter.class-missing", "a stakeholder class cannot be null"));
                weightsKnown = false;
                continue;
            }
            classIdIsAUniqueSlug(c.id(), at, seen, v);
            if (c.name() == null || c.name().isBlank() || c.name().length() > MAX_CLASS_NAME) {
                v.add(new Violation(at + ".name", "charter.class-name-invalid",
                        "a class name is 1 to " + MAX_CLASS_NAME + " characters"));
            }
            if (!isPercent(c.weight())) {
                v.add(new Violation(at + ".weight", "charter.class-weight-invalid", "a class weight is an integer percent from 0 to 100"));
                weightsKnown = false;
            } else {
                weightSum += c.weight();
            }
            if (!isPercent(c.quorum())) {
                v.add(new Violation(at + ".quorum", "charter.class-quorum-invalid", "a class quorum is an integer percent from 0 to 100"));
            }
        }
        if (weightsKnown && weightSum != 100) {
            v.add(new Violation("charter.classes", "charter.weights-not-100",
                    "class weights must sum to 100, they sum to " + weightSum));
        }
    }

    private static void classIdIsAUniqueSlug(String id, String at, Set<String> seen, List<Violation> v) {
        if (!Slugs.isSlug(id)) {
            v.add(new Violation(at + ".id", "charter.class-id-invalid",
                    "a class id is a slug: lowercase letters and digits joined by single hyphens, at most " + Slugs.MAX_LENGTH + " characters"));
        } else if (!seen.add(id)) {
            v.add(new Violation(at + ".id", "charter.class-id-duplicate", "the class id '" + id + "' is used twice"));
        }
    }

    static void topicsAreUniqueSlugs(List<String> topics, List<Violation> v) {
        if (topics.isEmpty()) {
            v.add(new Violation("charter.topics", "charter.topics-missing", "a charter lists at least one topic"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < topics.size(); i++) {
            String topic = topics.get(i);
            if (!Slugs.isSlug(topic)) {
                v.add(new Violation("charter.topics[" + i + "]", "charter.topic-invalid", "a topic is a slug: lowercase letters and digits joined by single hyphens"));
            } else if (!seen.add(topic)) {
                v.add(new Violation("charter.topics[" + i + "]", "charter.topic-duplicate", "the topic '" + topic + "' is listed twice"));
            }
        }
    }

    static void decisionRuleIsComplete(DecisionRule decision, List<Violation> v) {
        // complete() fills both parts; this guards charters that skipped it
        if (decision.threshold() == null) {
            v.add(new Violation("charter.decision.threshold", "charter.threshold-missing", "threshold is SIMPLE_MAJORITY or TWO_THIRDS"));
        }
        if (decision.classRule() == null) {
            v.add(new Violation("charter.decision.classRule", "charter.class-rule-missing", "classRule is WEIGHTED or EVERY_CLASS"));
        }
    }

    static void votingPowerIsWellFormed(VotingPowerRule power, List<Violation> v) {
        if (power.mode() == null) {
            v.add(new Violation("charter.votingPower.mode", "charter.voting-power-mode-missing", "mode is EQUAL or CONTRIBUTION_WEIGHTED"));
            return;
        }
        if (power.mode() == VotingPowerMode.EQUAL) {
            if (power.pointsPerVote() != null || power.maxBonus() != null || power.windowDays() != null) {
                v.add(new Violation("charter.votingPower", "charter.voting-power-extra",
                        "EQUAL voting power takes no pointsPerVote, maxBonus or windowDays"));
            }
            return;
        }
        if (power.pointsPerVote() == null || power.pointsPerVote().signum() <= 0) {
            v.add(new Violation("charter.votingPower.pointsPerVote", "charter.points-per-vote-invalid", "pointsPerVote is a decimal greater than 0"));
        }
        if (power.maxBonus() == null || power.maxBonus().signum() < 0) {
            v.add(new Violation("charter.votingPower.maxBonus", "charter.max-bonus-invalid", "maxBonus is a decimal of 0 or more"));
        }
        if (power.windowDays() != null && power.windowDays() <= 0) {
            v.add(new Violation("charter.votingPower.windowDays", "charter.window-days-invalid", "windowDays, when set, is a whole number of days greater than 0"));
        }
    }

    static void delegationChainLimitIsNotNegative(DelegationRule delegation, List<Violation> v) {
        if (delegation.maxChainLength() < 0) {
            v.add(new Violation("charter.delegation.maxChainLength", "charter.max-chain-length-invalid", "maxChainLength is 0 (unlimited) or more"));
        }
    }

    static void ledgerRatesArePositiveAndNamed(LedgerRule ledger, List<Violation> v) {
        ledger.rates().forEach((type, rate) -> {
            if (type == null || !CONTRIBUTION_TYPE.matcher(type).matches()) {
                v.add(new Violation("charter.ledger.rates", "charter.rate-type-invalid",
                        "a contribution type is UPPER_SNAKE_CASE, e.g. WORK_HOURS, not '" + type + "'"));
            } else if (rate == null || rate.signum() < 0) {
                v.add(new Violation("charter.ledger.rates." + type, "charter.rate-invalid", "a point rate is a decimal of 0 or more"));
            }
        });
        if (ledger.requiredEvaluations() < 1) {
            v.add(new Violation("charter.ledger.requiredEvaluations", "charter.required-evaluations-invalid", "requiredEvaluations is 1 or more"));
        }
    }

    private static boolean isPercent(Integer value) {
        return value != null && value >= 0 && value <= 100;
    }

    private static <T> T orElse(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }

    private static Map<String, BigDecimal> sorted(Map<String, BigDecimal> rates) {
        // a stable order keeps serialized events and read models byte-identical across replays
        Map<String, BigDecimal> copy = new LinkedHashMap<>();
        rates.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.nullsFirst(String::compareTo)))
                .forEach(e -> copy.put(e.getKey(), e.getValue()));
        return copy;
    }
}
