package coop.plenum.api.proposal;

import coop.plenum.governance.options.OptionResult;
import coop.plenum.governance.options.OptionTally;
import coop.plenum.governance.proposal.query.TallyView;
import coop.plenum.governance.tally.ClassTally;
import coop.plenum.governance.voting.Ratio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC's tally shape: powers are exact decimal strings with six digits, ratios decimal strings rounded to six digits
 * for display (decisions use the exact values); outcome and approval are null while undecided.
 * <p>
 * While an AFTER_CLOSE vote is open ({@code hidden: "AFTER_CLOSE"}) it is participation only: per class
 * {@code classId, weight, quorum, electoratePower, participation, quorumMet}, the options' ids and labels, and every
 * count, share, score, matrix, ranking, objection and winner null. {@code hidden} is absent otherwise.
 */
public record TallyJson(String proposalId, String state, String outcome, Instant asOf, String approval, List<ClassJson> classes,
                        String method, List<OptionJson> options, List<String> winners, List<ObjectionJson> objections,
                        Map<String, Map<String, String>> pairwise, Map<String, Map<String, String>> strongestPaths,
                        List<List<String>> ranking,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        String hidden,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        ElectionTallyJson election,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        BudgetTallyJson budget) {

    /** A tally of any method but ELECTION and BUDGET, visible or hidden. */
    TallyJson(String proposalId, String state, String outcome, Instant asOf, String approval, List<ClassJson> classes,
              String method, List<OptionJson> options, List<String> winners, List<ObjectionJson> objections,
              Map<String, Map<String, String>> pairwise, Map<String, Map<String, String>> strongestPaths,
              List<List<String>> ranking, String hidden) {
        this(proposalId, state, outcome, asOf, approval, classes, method, options, winners, objections, pairwise,
                strongestPaths, ranking, hidden, null, null);
    }

    /** A visible tally. */
    TallyJson(String proposalId, String state, String outcome, Instant asOf, String approval, List<ClassJson> classes,
              String method, List<OptionJson> options, List<String> winners, List<ObjectionJson> objections,
              Map<String, Map<String, String>> pairwise, Map<String, Map<String, String>> strongestPaths,
              List<List<String>> ranking) {
        this(proposalId, state, outcome, asOf, approval, classes, method, options, winners, objections, pairwise,
                strongestPaths, ranking, null);
    }

    /** Whether the results are hidden until the vote closes (the page says so instead of showing counts). */
    public boolean hiddenUntilClose() {
        return hidden != null;
    }

    /** An objection standing in a CONSENT vote, with its reason. */
    public record ObjectionJson(String memberId, String classId, String reason) {
    }

    /**
     * One class. YES_NO fills {@code yes, no, abstain, approval}; APPROVAL and SCORE fill {@code participating} and,
     * per option id, {@code sums} (power × score) and {@code shares} s_c(o) (absent when the class takes no part).
     */
    public record ClassJson(String classId, int weight, int quorum, String electoratePower, String yes, String no,
                            String abstain, String participation, String approval, boolean quorumMet,
                            String participating, Map<String, String> sums, Map<String, String> shares,
                            String consent, String standAside, String object) {
    }

    /** One option of an APPROVAL or SCORE tally: S(o) rounded for people, the exact fraction, and whether it may win. */
    public record OptionJson(String optionId, String label, String score, String scoreExact, Boolean eligible) {
    }

    /**
     * The tally as members, secretaries and auditors read it through the API and the pages: whole, or participation
     * only while the view says its results are hidden (SPEC "Voting methods", {@code visibility: AFTER_CLOSE}).
     */
    public static TallyJson of(TallyView view) {
        TallyJson whole = ofEverything(view);
        return view.hidden() == null ? whole : participationOnly(whole, view.hidden().name());
    }

    /**
     * Participation per class and nothing that tells how anyone voted: no counts, shares, scores, matrix, ranking,
     * objections or winners.
     */
    private static TallyJson participationOnly(TallyJson whole, String hidden) {
        List<ClassJson> classes = whole.classes().stream().map(c -> new ClassJson(c.classId(), c.weight(), c.quorum(),
                c.electoratePower(), null, null, null, c.participation(), null, c.quorumMet(), null, null, null, null, null,
                null)).toList();
        List<OptionJson> options = whole.options() == null ? null : whole.options().stream()
                .map(o -> new OptionJson(o.optionId(), o.label(), null, null, null)).toList();
        return new TallyJson(whole.proposalId(), whole.state(), null, whole.asOf(), null, classes, whole.method(), options,
                null, null, null, null, null, hidden);
    }

    /**
     * The whole tally whatever the proposal's visibility: for the audit workspace only, which shows the log as it is
     * (docs/audit.md, "Hidden results").
     */
    public static TallyJson ofEverything(TallyView view) {
        if (view.optionTally() != null) {
            return ofOptions(view);
        }
        if (view.consentTally() != null) {
            return ofConsent(view);
        }
        if (view.schulzeTally() != null) {
            return ofRanked(view);
        }
        if (view.election() != null) {
            return ElectionTallyJson.tally(view);
        }
        if (view.budgetTally() != null) {
            return BudgetTallyJson.tallyOf(view);
        }
        boolean decided = view.outcome() != null;
        List<ClassJson> classes = view.tally() == null ? List.of() : view.tally().classes().stream().map(TallyJson::of).toList();
        String approval = decided && view.tally().approval() != null ? ratio(view.tally().approval()) : null;
        return new TallyJson(view.proposalId().value(), view.state().name(), decided ? view.outcome().name() : null,
                view.asOf(), approval, classes, null, null, null, null, null, null, null);
    }

    /**
     * A RANKED tally: per class participation, the combined pairwise matrix D ({@code pairwise[a][b]}), Schulze's
     * strongest path strengths, the full ranking (groups, best first) and, once decided, the winners.
     */
    private static TallyJson ofRanked(TallyView view) {
        var t = view.schulzeTally();
        boolean decided = view.outcome() != null;
        List<ClassJson> classes = t.classes().stream().map(c -> new ClassJson(c.classId(), c.weight(), c.quorum(),
                power(c.electoratePower()), null, null, null, ratio(c.participation()), null, c.quorumMet(),
                power(c.participating()), null, null, null, null, null)).toList();
        List<OptionJson> options = t.options().stream().map(o -> new OptionJson(o.id(), o.label(), null, null, true)).toList();
        return new TallyJson(view.proposalId().value(), view.state().name(), decided ? view.outcome().name() : null,
                view.asOf(), null, classes, "RANKED", options, decided ? t.winners() : null, null,
                matrix(t.options(), t.d()), matrix(t.options(), t.p()), t.d() == null ? null : t.ranking());
    }

    private static Map<String, Map<String, String>> matrix(List<coop.plenum.governance.options.ProposalOption> options, Ratio[][] m) {
        if (m == null) {
            return null;
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (int a = 0; a < options.size(); a++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int b = 0; b < options.size(); b++) {
                if (a != b) {
                    row.put(options.get(b).id(), ratio(m[a][b]));
                }
            }
            rows.put(options.get(a).id(), row);
        }
        return rows;
    }

    /** A CONSENT tally: per class the power counted CONSENT, STAND_ASIDE and OBJECT, and the objections with reasons. */
    private static TallyJson ofConsent(TallyView view) {
        var t = view.consentTally();
        boolean decided = view.outcome() != null;
        List<ClassJson> classes = t.classes().stream().map(c -> new ClassJson(c.classId(), c.weight(), c.quorum(),
                power(c.electoratePower()), null, null, null, ratio(c.participation()), null, c.quorumMet(),
                power(c.consent().add(c.standAside()).add(c.object())), null, null, power(c.consent()),
                power(c.standAside()), power(c.object()))).toList();
        return new TallyJson(view.proposalId().value(), view.state().name(), decided ? view.outcome().name() : null,
                view.asOf(), null, classes, "CONSENT", null, null, t.objections().stream()
                .map(o -> new ObjectionJson(o.memberId().value(), o.classId(), o.reason())).toList(), null, null, null);
    }

    /** An APPROVAL or SCORE tally; the winners are named once the vote is decided, like the outcome. */
    private static TallyJson ofOptions(TallyView view) {
        OptionTally t = view.optionTally();
        boolean decided = view.outcome() != null;
        List<String> ids = t.options().stream().map(OptionResult::optionId).toList();
        List<ClassJson> classes = t.classes().stream().map(c -> {
            Map<String, String> sums = new LinkedHashMap<>();
            Map<String, String> shares = c.shares() == null ? null : new LinkedHashMap<>();
            for (int o = 0; o < ids.size(); o++) {
                sums.put(ids.get(o), power(c.sums().get(o)));
                if (shares != null) {
                    shares.put(ids.get(o), ratio(c.shares().get(o)));
                }
            }
            return new ClassJson(c.classId(), c.weight(), c.quorum(), power(c.electoratePower()), null, null, null,
                    ratio(c.participation()), null, c.quorumMet(), power(c.participating()), sums, shares, null, null, null);
        }).toList();
        List<OptionJson> options = t.options().stream().map(o -> new OptionJson(o.optionId(), o.label(), ratio(o.score()),
                o.score() == null ? null : o.score().toString(), o.eligible())).toList();
        String approval = decided && t.winningScore() != null ? ratio(t.winningScore()) : null;
        return new TallyJson(view.proposalId().value(), view.state().name(), decided ? view.outcome().name() : null,
                view.asOf(), approval, classes, t.method().name(), options, decided ? t.winners() : null, null, null, null, null);
    }

    static ClassJson of(ClassTally c) {
        return new ClassJson(c.classId(), c.weight(), c.quorum(), power(c.electoratePower()), power(c.yes()), power(c.no()),
                power(c.abstain()), ratio(c.participation()), ratio(c.approval()), c.quorumMet(), null, null, null, null, null, null);
    }

    static String power(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String ratio(Ratio value) {
        return value == null ? null : value.toDecimalString(Ratio.DISPLAY_SCALE);
    }
}
