package coop.plenum.governance.charter;

import coop.plenum.kernel.Decimals;
import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Slugs;
import coop.plenum.kernel.Texts;
import coop.plenum.kernel.Violation;
import coop.plenum.ledger.LedgerInputRules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * SPEC "Cooperative and charter": the rules a charter must satisfy, each a named method, and the defaults
 * for the parts a founder may leave out (documented in docs/charter.md). Pure: no Spring, no storage.
 */
public final class CharterRules {

    public static final List<String> DEFAULT_TOPICS = List.of("general");
    public static final DecisionRule DEFAULT_DECISION = new DecisionRule(Threshold.SIMPLE_MAJORITY, ClassRule.WEIGHTED);
    public static final DelegationRule DEFAULT_DELEGATION = new DelegationRule(true, 0);
    public static final int DEFAULT_REQUIRED_EVALUATIONS = 2;
    public static final int MAX_CLASSES = 20;
    public static final int MAX_CLASS_NAME = 80;
    public static final int MAX_TOPICS = 50;
    /** Points are at most 10^15 per contribution (LedgerInputRules), so a larger divisor would make every bonus 0. */
    public static final BigDecimal MAX_POINTS_PER_VOTE = new BigDecimal("1000000000000000");
    public static final BigDecimal MAX_BONUS = new BigDecimal("1000000");
    public static final int POWER_SCALE = 6;
    /** One hundred years: a longer window is no window. */
    public static final int MAX_WINDOW_DAYS = 36_500;
    /** A chain longer than any cooperative's membership is a typing mistake; 0 still means unlimited. */
    public static final int MAX_CHAIN_LENGTH = 1_000;
    /** SPEC "Voting methods", ELECTION: a class has 1 to this many board seats (a board, not a parliament). */
    public static final int MAX_SEATS = 50;

    private CharterRules() {
    }

    /**
     * Fills the parts left out with the documented defaults; never changes a part that was given, except that
     * decimals lose a negative scale ({@code 1E+3} is kept as {@code 1000}) so the event reads back equal.
     */
    public static Charter complete(Charter raw) {
        if (raw == null) {
            return null;
        }
        DecisionRule decision = raw.decision() == null ? DEFAULT_DECISION
                : new DecisionRule(orElse(raw.decision().threshold(), Threshold.SIMPLE_MAJORITY),
                orElse(raw.decision().classRule(), ClassRule.WEIGHTED));
        DelegationRule delegation = raw.delegation() == null ? DEFAULT_DELEGATION
                : new DelegationRule(orElse(raw.delegation().enabled(), true), orElse(raw.delegation().maxChainLength(), 0));
        VotingPowerRule power = raw.votingPower() == null ? VotingPowerRule.equal()
                : new VotingPowerRule(raw.votingPower().mode(), Decimals.plain(raw.votingPower().pointsPerVote()),
                Decimals.plain(raw.votingPower().maxBonus()), raw.votingPower().windowDays());
        LedgerRule ledger = raw.ledger() == null ? new LedgerRule(Map.of("WORK_HOURS", BigDecimal.ONE), DEFAULT_REQUIRED_EVALUATIONS)
                : new LedgerRule(raw.ledger().rates() == null ? Map.of() : sorted(raw.ledger().rates()),
                orElse(raw.ledger().requiredEvaluations(), DEFAULT_REQUIRED_EVALUATIONS));
        return new Charter(raw.classes(), raw.topics() == null ? DEFAULT_TOPICS : raw.topics(), decision, power,
                // secretPeopleVotes stays absent unless given: absent already means secret, and charters recorded
                // before it existed read the same
                delegation, orElse(raw.admission(), AdmissionPolicy.SECRETARY), ledger, raw.secretPeopleVotes(),
                // seats likewise stay absent unless some class is given seats: absent and empty both mean none
                raw.seats() == null || raw.seats().isEmpty() ? null : sortedSeats(raw.seats()));
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
        ledgerRatesAreBoundedAndNamed(charter.ledger(), v);
        boardSeatsAreOneToFiftyForTheChartersClasses(charter, v);
        return v;
    }

    static void classesAreListed(List<StakeholderClass> classes, List<Violation> v) {
        if (classes == null || classes.isEmpty()) {
            v.add(new Violation("charter.classes", "charter.classes-missing", "a charter lists at least one stakeholder class"));
            return;
        }
        if (classes.size() > MAX_CLASSES) {
            v.add(new Violation("charter.classes", "charter.too-many-classes", "a charter has at most " + MAX_CLASSES + " stakeholder classes"));
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
            Texts.required(at + ".name", c.name(), MAX_CLASS_NAME, Texts.Lines.ONE, "charter.class-name-invalid",
                    "a class name is 1 to " + MAX_CLASS_NAME + " characters", v);
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
        if (topics.size() > MAX_TOPICS) {
            v.add(new Violation("charter.topics", "charter.too-many-topics", "a charter lists at most " + MAX_TOPICS + " topics"));
            return;
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
        if (!Decimals.isWithin(power.pointsPerVote(), BigDecimal.ZERO, true, MAX_POINTS_PER_VOTE, POWER_SCALE)) {
            v.add(new Violation("charter.votingPower.pointsPerVote", "charter.points-per-vote-invalid",
                    "pointsPerVote is a decimal greater than 0 and at most " + MAX_POINTS_PER_VOTE.toPlainString()
                            + ", with at most " + POWER_SCALE + " decimal places"));
        }
        if (!Decimals.isWithin(power.maxBonus(), BigDecimal.ZERO, false, MAX_BONUS, POWER_SCALE)) {
            v.add(new Violation("charter.votingPower.maxBonus", "charter.max-bonus-invalid",
                    "maxBonus is a decimal from 0 to " + MAX_BONUS.toPlainString() + ", with at most " + POWER_SCALE + " decimal places"));
        }
        if (power.windowDays() != null && (power.windowDays() < 1 || power.windowDays() > MAX_WINDOW_DAYS)) {
            v.add(new Violation("charter.votingPower.windowDays", "charter.window-days-invalid",
                    "windowDays, when set, is a whole number of days from 1 to " + MAX_WINDOW_DAYS));
        }
    }

    static void delegationChainLimitIsNotNegative(DelegationRule delegation, List<Violation> v) {
        if (delegation.maxChainLength() == null || delegation.maxChainLength() < 0 || delegation.maxChainLength() > MAX_CHAIN_LENGTH) {
            v.add(new Violation("charter.delegation.maxChainLength", "charter.max-chain-length-invalid",
                    "maxChainLength is 0 (unlimited) or a whole number of hops up to " + MAX_CHAIN_LENGTH));
        }
    }

    static void ledgerRatesAreBoundedAndNamed(LedgerRule ledger, List<Violation> v) {
        LedgerInputRules.equation("charter.ledger", ledger.rates(), ledger.requiredEvaluations(), v);
    }

    /**
     * SPEC "Voting methods", ELECTION: the charter may give board seats, 1 to {@link #MAX_SEATS} for each class it
     * names, and only for classes it lists; a class left out has no seats.
     */
    static void boardSeatsAreOneToFiftyForTheChartersClasses(Charter charter, List<Violation> v) {
        if (charter.seats() == null) {
            return;
        }
        if (charter.seats().size() > MAX_CLASSES) {
            // one refusal, not one per key: a charter has at most MAX_CLASSES classes to seat
            v.add(new Violation("charter.seats", "charter.seats-class-unknown",
                    "seats are given to the charter's classes, at most " + MAX_CLASSES));
            return;
        }
        for (Map.Entry<String, Integer> e : charter.seats().entrySet()) {
            if (e.getKey() == null || !Slugs.isSlug(e.getKey())) {
                v.add(new Violation("charter.seats", "charter.seats-class-unknown", "seats are keyed by the charter's class ids"));
            } else if (!charter.hasClass(e.getKey())) {
                v.add(new Violation("charter.seats." + e.getKey(), "charter.seats-class-unknown",
                        "seats are given to the charter's classes; '" + e.getKey() + "' is not one"));
            } else if (e.getValue() == null || e.getValue() < 1 || e.getValue() > MAX_SEATS) {
                v.add(new Violation("charter.seats." + e.getKey(), "charter.seats-invalid",
                        "a class has 1 to " + MAX_SEATS + " board seats"));
            }
        }
    }

    private static boolean isPercent(Integer value) {
        return value != null && value >= 0 && value <= 100;
    }

    private static <T> T orElse(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }

    private static Map<String, Integer> sortedSeats(Map<String, Integer> seats) {
        // by class id, as rates: the same charter always serializes the same
        Map<String, Integer> copy = new LinkedHashMap<>();
        seats.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.nullsFirst(String::compareTo)))
                .forEach(e -> copy.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static Map<String, BigDecimal> sorted(Map<String, BigDecimal> rates) {
        // a stable order keeps serialized events and read models byte-identical across replays
        Map<String, BigDecimal> copy = new LinkedHashMap<>();
        rates.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.nullsFirst(String::compareTo)))
                .forEach(e -> copy.put(e.getKey(), Decimals.plain(e.getValue())));
        return copy;
    }
}
