package coop.plenum.web;

import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.charter.DecisionRule;
import coop.plenum.governance.charter.Threshold;
import coop.plenum.governance.tally.ClassTally;
import coop.plenum.governance.tally.Outcome;
import coop.plenum.governance.tally.Tally;
import coop.plenum.governance.voting.Ratio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A YES_NO tally read for people (issue 14): the decision rule in words, where the pass line and each class's quorum
 * mark sit on the bars, and, once the vote has closed, one sentence that says why it passed or failed. Built from
 * the exact tally ({@link Tally}, rationals), so the sentence agrees with the outcome the engine decided: rounding
 * happens only in the figures shown ({@link Figures}).
 */
record YesNoReading(String rule, String passLine, String passLineWords, List<ClassLine> classes, String why) {

    /**
     * One class: the width of its approval bar (yes of yes + no) and where its quorum sits, both in percent of the bar,
     * for the stylesheet; and its participation against its quorum in words.
     */
    record ClassLine(String classId, String name, String approvalWidth, String approval, String participation,
                     int quorum, boolean quorumMet, boolean inApprovalStep, String yesWidth, String noWidth,
                     String abstainWidth) {
    }

    /** The line of one class, or {@code null} when the tally has none (results hidden). */
    public ClassLine line(String classId) {
        return classes.stream().filter(c -> c.classId().equals(classId)).findFirst().orElse(null);
    }

    /**
     * The reading of {@code tally}; {@code decided} says whether the vote has an outcome (a live tally carries the
     * provisional outcome it would have now, which is not a reason to give yet). Sentences in the reader's language.
     */
    static YesNoReading of(Tally tally, boolean decided, DecisionRule rule, Map<String, String> classNames, Figures fig,
                           Words words) {
        Threshold threshold = rule == null ? Threshold.SIMPLE_MAJORITY : rule.threshold();
        ClassRule classRule = rule == null ? ClassRule.WEIGHTED : rule.classRule();
        List<ClassLine> lines = new ArrayList<>();
        if (tally != null) {
            for (ClassTally c : tally.classes()) {
                lines.add(new ClassLine(c.classId(), classNames.getOrDefault(c.classId(), c.classId()),
                        c.approval() == null ? "0" : width(c.approval()), c.approval() == null ? "" : fig.percent(c.approval()),
                        c.participation() == null ? "" : fig.percent(c.participation()), c.quorum(), c.quorumMet(),
                        c.inApprovalStep(), share(c.yes(), c.electoratePower()), share(c.no(), c.electoratePower()),
                        share(c.abstain(), c.electoratePower())));
            }
        }
        String why = !decided || tally == null || tally.outcome() == null ? null
                : why(tally, threshold, classRule, classNames, fig, words);
        return new YesNoReading(ruleInWords(threshold, classRule, words), threshold == Threshold.TWO_THIRDS ? "66.6667" : "50",
                line(threshold, words), lines, why);
    }

    /** "Passes with more than half of the yes and no votes, weighted by class; every class needs its quorum." */
    static String ruleInWords(Threshold threshold, ClassRule classRule, Words words) {
        return words.say("reading.rule." + threshold.name() + "." + classRule.name());
    }

    private static String line(Threshold threshold, Words words) {
        return words.say("reading.line." + threshold.name());
    }

    /** The bars drawn on the server too, so that they show without JavaScript (the live script redraws them). */
    private static String share(java.math.BigDecimal part, java.math.BigDecimal whole) {
        return whole.signum() == 0 ? "0" : width(Ratio.of(part, whole));
    }

    /** A bar width in percent with four decimals: a display position, never compared. */
    private static String width(Ratio ratio) {
        return ratio.toBigDecimal(6).movePointRight(2).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    /** Why a closed YES_NO vote ended as it did, in one sentence. */
    static String why(Tally tally, Threshold threshold, ClassRule classRule, Map<String, String> classNames, Figures fig,
                      Words words) {
        Outcome outcome = tally.outcome();
        String line = line(threshold, words);
        Ratio pass = threshold == Threshold.TWO_THIRDS ? Ratio.TWO_THIRDS : Ratio.ONE_HALF;
        if (outcome == Outcome.NO_QUORUM) {
            List<String> short_ = new ArrayList<>();
            for (ClassTally c : tally.classes()) {
                if (!c.quorumMet()) {
                    short_.add(words.say("reading.classShort", classNames.getOrDefault(c.classId(), c.classId()),
                            fig.percent(c.participation()), fig.percent(c.quorum())));
                }
            }
            return words.say("reading.why.NO_QUORUM", String.join("; ", short_));
        }
        boolean anyInApproval = tally.classes().stream().anyMatch(ClassTally::inApprovalStep);
        if (!anyInApproval) {
            return words.say("reading.why.noApproval");
        }
        if (classRule == ClassRule.EVERY_CLASS) {
            List<String> below = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (ClassTally c : tally.classes()) {
                if (!c.inApprovalStep()) {
                    continue;
                }
                String named = classNames.getOrDefault(c.classId(), c.classId());
                all.add(named + " " + fig.percent(c.approval()));
                if (!passes(c.approval(), pass, threshold)) {
                    below.add(words.say("reading.classApproved", named, fig.percent(c.approval())));
                }
            }
            return outcome == Outcome.ACCEPTED
                    ? words.say("reading.why.everyClassAccepted", cleared(threshold, words), line, String.join(", ", all))
                    : words.say("reading.why.everyClassRejected", words.list(below), line);
        }
        String approval = fig.percent(tally.approval());
        return outcome == Outcome.ACCEPTED
                ? words.say("reading.why.accepted", approval, cleared(threshold, words), line)
                : words.say("reading.why.rejected", approval, line, words.say("reading.needed." + threshold.name()));
    }

    /** Two thirds passes on the line itself, a simple majority only above it. */
    private static String cleared(Threshold threshold, Words words) {
        return words.say("reading.cleared." + threshold.name());
    }

    /** SPEC: SIMPLE_MAJORITY passes strictly above 1/2, TWO_THIRDS at 2/3 or more; exact. */
    private static boolean passes(Ratio approval, Ratio pass, Threshold threshold) {
        return threshold == Threshold.TWO_THIRDS ? approval.isAtLeast(pass) : approval.isGreaterThan(pass);
    }
}
