package coop.plenum.web;

import coop.plenum.api.proposal.TallyJson;
import coop.plenum.governance.charter.ClassRule;
import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.options.ProposalOption;
import coop.plenum.governance.proposal.query.ProposalView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The results panel of an APPROVAL, SCORE, CONSENT or RANKED vote, for people: read from the same tally the API and
 * the live stream send ({@link TallyJson}), so whatever that tally leaves out the page leaves out too. Percentages are
 * for reading; the tally's exact decimals go with them (the templates put them in a {@code title}).
 */
record MethodResults(String method, boolean decided, String sentence, List<Bar> options, List<ClassShares> classes,
                     boolean passLine, List<ObjectionLine> objections, List<String> ranking, List<MatrixRow> pairwise,
                     List<MatrixRow> strongestPaths) {

    /** One option's bar: its share for people, the exact decimal (and fraction, when the tally gives it) on hover. */
    record Bar(String optionId, String label, String decimal, String percent, String exact, boolean eligible, boolean winner) {
        /** The bar's width in percent, for the stylesheet (0 when there is nothing to show). */
        public String width() {
            return decimal == null ? "0" : new BigDecimal(decimal).movePointRight(2).setScale(1, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString();
        }
    }

    /**
     * One class: its weight, how much of its power took part (with the exact decimals), whether its quorum is met,
     * and per option its share s_c(o) (APPROVAL, SCORE), or its CONSENT / STAND_ASIDE / OBJECT power (CONSENT).
     */
    record ClassShares(String classId, String name, int weight, int quorum, String electoratePower, String participating,
                       String participation, String participationExact, boolean quorumMet, List<Bar> shares,
                       String consent, String standAside, String object) {
    }

    record ObjectionLine(String name, String className, String reason) {
    }

    /** A row of a Schulze matrix: the option, whether it is a winner, and its cells against every option (itself blank). */
    record MatrixRow(String optionId, String label, boolean winner, List<Cell> cells) {
    }

    /** A cell: the value for people, the exact decimal on hover, and whether the row's option is ahead of the column's. */
    record Cell(String percent, String exact, boolean ahead, boolean self) {
    }

    static MethodResults of(TallyJson tally, ProposalView proposal, Map<MemberId, String> names, Map<String, String> classNames,
                            Figures fig, Words words) {
        // hidden until close: the page shows participation only, in its own panel
        if (tally == null || tally.method() == null || "YES_NO".equals(tally.method()) || tally.hiddenUntilClose()) {
            return null;
        }
        List<ProposalOption> options = proposal.summary().options() == null ? List.of() : proposal.summary().options();
        Map<String, String> labels = new HashMap<>();
        options.forEach(o -> labels.put(o.id(), o.label()));
        boolean decided = tally.outcome() != null;
        List<String> winners = tally.winners() == null ? List.of() : tally.winners();
        boolean everyClass = proposal.decision() != null && proposal.decision().classRule() == ClassRule.EVERY_CLASS;
        return switch (tally.method()) {
            case "APPROVAL", "SCORE" -> scored(tally, labels, classNames, winners, decided, everyClass, fig, words);
            case "CONSENT" -> consent(tally, names, classNames, decided, fig, words);
            case "RANKED" -> ranked(tally, options, classNames, winners, decided, fig, words);
            case "BUDGET" -> budget(tally, labels, classNames, winners, decided, fig, words);
            default -> null;
        };
    }

    private static MethodResults scored(TallyJson tally, Map<String, String> labels, Map<String, String> classNames,
                                        List<String> winners, boolean decided, boolean everyClass, Figures fig,
                                        Words words) {
        List<Bar> options = tally.options() == null ? List.of() : tally.options().stream().map(o -> new Bar(o.optionId(),
                o.label(), o.score(), percent(o.score(), fig), exact(o.score(), o.scoreExact(), words), !Boolean.FALSE.equals(o.eligible()),
                winners.contains(o.optionId()))).toList();
        List<ClassShares> classes = tally.classes().stream().map(c -> {
            List<Bar> shares = new ArrayList<>();
            if (c.shares() != null) {
                c.shares().forEach((id, share) -> shares.add(new Bar(id, labels.getOrDefault(id, id), share, percent(share, fig),
                        exact(share, null, words), true, winners.contains(id))));
            }
            return classShares(c, classNames, shares, fig, words);
        }).toList();
        List<String> leading = decided ? winners : leaders(options);
        String sentence = optionSentence(tally.outcome(), leading, labels, everyClass, words);
        return new MethodResults(tally.method(), decided, sentence, options, classes, everyClass, List.of(), List.of(),
                List.of(), List.of());
    }

    /**
     * A BUDGET vote: the projects' approval bars and the classes as APPROVAL shows them (no winner marks: the page's
     * table says what is funded, beside what greedy would have funded, from the tally's {@code budget}).
     */
    private static MethodResults budget(TallyJson tally, Map<String, String> labels, Map<String, String> classNames,
                                        List<String> winners, boolean decided, Figures fig, Words words) {
        MethodResults approval = scored(tally, labels, classNames, List.of(), decided, false, fig, words);
        List<String> funded = tally.budget() == null ? List.of() : decided ? winners : tally.budget().funded();
        String named = words.list(funded.stream().map(id -> labels.getOrDefault(id, id)).toList());
        String sentence;
        if (tally.outcome() == null) {
            sentence = funded.isEmpty() ? words.say("methodResults.budget.openNothing") : words.say("methodResults.budget.open", named);
        } else {
            sentence = switch (tally.outcome()) {
                case "ACCEPTED" -> words.say(funded.size() == 1 ? "methodResults.budget.fundedOne" : "methodResults.budget.fundedMany", named);
                case "NO_QUORUM" -> words.say("methodResults.budget.noQuorum");
                default -> words.say("methodResults.budget.rejected");
            };
        }
        return new MethodResults("BUDGET", decided, sentence, approval.options(), approval.classes(), false, List.of(),
                List.of(), List.of(), List.of());
    }

    /** While voting: the options with the highest combined score among those that may win, as things stand. */
    private static List<String> leaders(List<Bar> options) {
        BigDecimal best = null;
        List<String> leading = new ArrayList<>();
        for (Bar o : options) {
            if (o.decimal() == null || !o.eligible()) {
                continue;
            }
            BigDecimal score = new BigDecimal(o.decimal());
            int against = best == null ? 1 : score.compareTo(best);
            if (against > 0) {
                best = score;
                leading.clear();
            }
            if (against >= 0) {
                leading.add(o.optionId());
            }
        }
        return best == null || best.signum() == 0 ? List.of() : leading;
    }

    private static String optionSentence(String outcome, List<String> winners, Map<String, String> labels, boolean everyClass,
                                         Words words) {
        String named = words.list(winners.stream().map(id -> labels.getOrDefault(id, id)).toList());
        if (outcome == null) {
            return leading(winners, named, words);
        }
        return switch (outcome) {
            case "ACCEPTED" -> words.say("methodResults.sentence.won", named);
            case "TIE" -> words.say("methodResults.sentence.tie", named);
            case "NO_QUORUM" -> words.say("methodResults.sentence.noQuorum");
            default -> words.say(everyClass ? "methodResults.sentence.rejectedEveryClass" : "methodResults.sentence.rejected");
        };
    }

    /** While voting: who leads as things stand, if anyone. */
    private static String leading(List<String> top, String named, Words words) {
        return top.isEmpty() ? words.say("methodResults.sentence.open")
                : words.say(top.size() == 1 ? "methodResults.sentence.leads" : "methodResults.sentence.leadTogether", named);
    }

    private static MethodResults consent(TallyJson tally, Map<MemberId, String> names, Map<String, String> classNames,
                                         boolean decided, Figures fig, Words words) {
        List<ClassShares> classes = tally.classes().stream().map(c -> classShares(c, classNames, List.of(), fig, words)).toList();
        List<ObjectionLine> objections = tally.objections() == null ? List.of() : tally.objections().stream()
                .map(o -> new ObjectionLine(names.getOrDefault(new MemberId(o.memberId()), words.say("methodResults.aMember")),
                        classNames.getOrDefault(o.classId(), o.classId()), o.reason())).toList();
        String count = words.say("methodResults.consent.objectionsStand", objections.size());
        String sentence = !decided ? (objections.isEmpty() ? words.say("methodResults.consent.openNone")
                : words.say("methodResults.consent.open", count))
                : switch (tally.outcome()) {
                    case "ACCEPTED" -> words.say("methodResults.consent.accepted");
                    case "NO_QUORUM" -> words.say("methodResults.sentence.noQuorum");
                    default -> words.say("methodResults.consent.rejected", count);
                };
        return new MethodResults("CONSENT", decided, sentence, List.of(), classes, false, objections, List.of(), List.of(), List.of());
    }

    private static MethodResults ranked(TallyJson tally, List<ProposalOption> options, Map<String, String> classNames,
                                        List<String> winners, boolean decided, Figures fig, Words words) {
        Map<String, String> labels = new HashMap<>();
        options.forEach(o -> labels.put(o.id(), o.label()));
        List<ClassShares> classes = tally.classes().stream().map(c -> classShares(c, classNames, List.of(), fig, words)).toList();
        List<String> ranking = tally.ranking() == null ? List.of() : tally.ranking().stream()
                .map(group -> String.join(" = ", group.stream().map(id -> labels.getOrDefault(id, id)).toList())).toList();
        // unbeaten on the strongest paths: the winners once decided, the leaders while voting
        List<String> top = decided ? winners : tally.ranking() == null || tally.ranking().isEmpty() ? List.of() : tally.ranking().get(0);
        String named = words.list(top.stream().map(id -> labels.getOrDefault(id, id)).toList());
        String sentence;
        if (!decided) {
            sentence = leading(top, named, words);
        } else {
            sentence = switch (tally.outcome()) {
                case "ACCEPTED" -> words.say("methodResults.sentence.wonSchulze", named);
                case "TIE" -> words.say("methodResults.sentence.tieSchulze", named);
                case "NO_QUORUM" -> words.say("methodResults.sentence.noQuorum");
                default -> words.say("methodResults.sentence.rejected");
            };
        }
        return new MethodResults("RANKED", decided, sentence, List.of(), classes, false, List.of(), ranking,
                matrix(tally.pairwise(), tally.strongestPaths(), options, top, false, fig, words),
                matrix(tally.strongestPaths(), tally.strongestPaths(), options, top, true, fig, words));
    }

    /**
     * Rows in the options' order. A pairwise cell is "ahead" when more prefer the row's option than the column's; a
     * path cell when the row's strongest path beats the column's (Schulze's "beats").
     */
    private static List<MatrixRow> matrix(Map<String, Map<String, String>> values, Map<String, Map<String, String>> paths,
                                          List<ProposalOption> options, List<String> top, boolean byPaths, Figures fig,
                                          Words words) {
        if (values == null) {
            return List.of();
        }
        List<MatrixRow> rows = new ArrayList<>();
        for (ProposalOption row : options) {
            List<Cell> cells = new ArrayList<>();
            for (ProposalOption column : options) {
                if (row.id().equals(column.id())) {
                    cells.add(new Cell("", "", false, true));
                    continue;
                }
                String value = values.getOrDefault(row.id(), Map.of()).get(column.id());
                String against = values.getOrDefault(column.id(), Map.of()).get(row.id());
                boolean ahead = value != null && against != null && new BigDecimal(value).compareTo(new BigDecimal(against)) > 0;
                cells.add(new Cell(percent(value, fig), exact(value, null, words), ahead, false));
            }
            rows.add(new MatrixRow(row.id(), row.label(), top.contains(row.id()), cells));
        }
        return rows;
    }

    private static ClassShares classShares(TallyJson.ClassJson c, Map<String, String> classNames, List<Bar> shares, Figures fig,
                                           Words words) {
        return new ClassShares(c.classId(), classNames.getOrDefault(c.classId(), c.classId()), c.weight(), c.quorum(),
                c.electoratePower(), c.participating(), percent(c.participation(), fig), exact(c.participation(), null, words),
                c.quorumMet(), shares, c.consent(), c.standAside(), c.object());
    }

    /**
     * "0.666667" → "66.7 %" in the page's language, as the yes/no tally writes it ({@link Figures}); {@code null} stays
     * {@code null} (nothing to show, the page writes a dash). Display only: decisions use exact values.
     */
    static String percent(String decimal, Figures fig) {
        return decimal == null ? null : fig.percent(decimal);
    }

    static String exact(String decimal, String fraction, Words words) {
        if (decimal == null) {
            return "";
        }
        return fraction == null || isExactly(decimal, fraction) ? decimal : words.say("methodResults.exactly", decimal, fraction);
    }

    /** Whether the rounded decimal is the fraction itself (2/5 is 0.400000), so that saying it again adds nothing. */
    private static boolean isExactly(String decimal, String fraction) {
        String[] parts = fraction.split("/");
        if (parts.length != 2) {
            return fraction.equals(decimal);
        }
        return new BigDecimal(decimal).multiply(new BigDecimal(parts[1])).compareTo(new BigDecimal(parts[0])) == 0;
    }
}
